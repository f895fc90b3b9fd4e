import { err, type Err } from './result';
import { ROLE_LABELS, type Role } from './roles';

/** A message that names no facts. */
const fixed =
  (text: string): (() => string) =>
  () =>
    text;

/**
 * Every error that crosses the wire, a closed set. The code is the contract; the Chinese text (a
 * function of the code's typed parameters) and the HTTP status of the local server live here, in
 * one table, so a new code cannot miss either and no caller writes its own text.
 */
export const ERRORS = {
  'INPUT.INVALID': { status: 400, message: fixed('提交的内容不符合要求') },
  'INPUT.UNKNOWN_ACTION': { status: 400, message: fixed('不支持的操作') },
  'REQUEST.TOO_LARGE': { status: 413, message: fixed('提交的内容过大') },
  'REQUEST.RATE_LIMITED': { status: 429, message: ({ what }: { what: '下单' | '操作' | '上传照片' }) => `${what}太频繁，请稍后再试` },
  'FUNCTION.NOT_FOUND': { status: 404, message: fixed('没有这项服务接口') },
  'AUTH.NO_IDENTITY': { status: 401, message: fixed('未能识别您的身份，请重新进入小程序') },
  'AUTH.UNKNOWN_USER': { status: 401, message: fixed('您还没有加入社区，请联系社区管理员') },
  'AUTH.ROLE_NOT_HELD': { status: 403, message: ({ role }: { role: Role }) => `您没有${ROLE_LABELS[role]}身份，不能这样操作` },
  'AUTH.FORBIDDEN': { status: 403, message: fixed('您无权进行此操作') },
  'ORDER.NOT_FOUND': { status: 404, message: fixed('工单不存在或您无权查看') },
  'ORDER.VERSION_CONFLICT': { status: 409, message: fixed('工单已被他人更新，请刷新后重试') },
  'ORDER.TRANSITION_NOT_ALLOWED': { status: 409, message: fixed('工单当前状态不能进行此操作') },
  'ORDER.ALREADY_TAKEN': { status: 409, message: fixed('手慢了，这单已被其他队员接走') },
  'ORDER.LEFT_POOL': { status: 409, message: fixed('这单已不在抢单池中（可能已被取消）') },
  'ORDER.URGE_TOO_SOON': { status: 409, message: fixed('30分钟内只能催单一次，我们已在加紧处理') },
  'ORDER.REWORK_WINDOW_PASSED': { status: 409, message: fixed('已超过完工后72小时，不能申请返工，可向社区投诉') },
  'ORDER.REASON_REQUIRED': { status: 400, message: fixed('请填写原因') },
  'ORDER.SAME_ASSIGNEE': { status: 409, message: fixed('转单对象与当前处理人相同') },
  'ORDER.NOT_DUE_YET': { status: 409, message: fixed('还没到约定的时间，过了时间仍未办理再催单或投诉') },
  'ORDER.RESCHEDULE_LIMIT': { status: 409, message: ({ max }: { max: number }) => `每张工单最多改约${max}次，如需再改请联系物业` },
  'ORDER.AWAITING_RESIDENT': { status: 409, message: fixed('已提议新的时间，正在等居民答复') },
  'ORDER.NOTHING_PROPOSED': { status: 409, message: fixed('没有等您答复的新时间') },
  'ORDER.COMPLAINT_OPEN': { status: 409, message: fixed('您对这张工单的投诉正在等待社区答复，答复后才能再次投诉') },
  'INSTRUCTION.NOT_DISPATCHED': { status: 409, message: fixed('工单尚未派给服务队，请督办物业调度') },
  'INSTRUCTION.NONE_AWAITING': { status: 409, message: fixed('这张工单没有等您回复的督办') },
  'COMPLAINT.NONE_AWAITING': { status: 409, message: fixed('这张工单没有待答复的投诉') },
  'GRIEVANCE.NOT_A_GRIEVANCE': { status: 409, message: fixed('这项操作只适用于居民诉求') },
  'GRIEVANCE.NOT_CLASSIFIED': { status: 409, message: fixed('请先为诉求分类定级，再派单或转办') },
  'GRIEVANCE.OWN': { status: 409, message: fixed('这是您提出的诉求，办理结果会通知您') },
  'GRIEVANCE.ALREADY_JOINED': { status: 409, message: fixed('您已表示遇到同样的问题，办理结果会通知您') },
  'GRIEVANCE.ALREADY_FOLLOWING': { status: 409, message: fixed('您已关注这条诉求') },
  'GRIEVANCE.NO_DECISION': { status: 409, message: fixed('圆桌会议还没有对这条诉求作出决定') },
  'DEPARTMENT.NOT_FOUND': { status: 404, message: fixed('职能部门不存在或已停用') },
  'MEETING.NOT_FOUND': { status: 404, message: fixed('圆桌会议不存在') },
  'FILE.NOT_FOUND': { status: 404, message: fixed('图片不存在') },
  'FILE.NOT_AN_IMAGE': { status: 415, message: fixed('只能上传 JPG、PNG 或 WebP 格式的照片') },
  'FILE.TOO_LARGE': { status: 413, message: ({ maxMb }: { maxMb: number }) => `照片不能超过${maxMb}MB，请换一张或截图后再传` },
  'FILE.QUOTA_EXCEEDED': { status: 409, message: fixed('您上传后还没用上的照片太多了，请先提交工单，或明天再试') },
  'SERVICE.NOT_FOUND': { status: 404, message: fixed('该服务项目不存在或已下架') },
  'HOUSEHOLD.NOT_YOURS': { status: 403, message: fixed('只能为本人或结对的住户下单') },
  'TEAM.NOT_FOUND': { status: 404, message: fixed('服务队不存在') },
  'TEAM.NOT_MEMBER': { status: 409, message: fixed('该队员不属于这个服务队') },
  'WORKER.OFF_DUTY': { status: 409, message: ({ name }: { name: string }) => `${name}不在岗，请派给其他队员` },
  'WORKER.OVER_CAPACITY': { status: 409, message: ({ name, max }: { name: string; max: number }) => `${name}手头工单已满（${max}单），请派给其他队员` },
  'GRAB.OFF_DUTY': { status: 409, message: fixed('您当前不在岗，上岗后才能抢单') },
  'GRAB.OVER_CAPACITY': { status: 409, message: ({ max }: { max: number }) => `您手头工单已满（${max}单），请先完成在办工单` },
  'ASSESSMENT.ALREADY_PUBLISHED': { status: 409, message: fixed('本月考核已发布，不能再修改') },
  'ASSESSMENT.MONTH_NOT_OVER': { status: 409, message: fixed('这个月还没结束，月末后才能发布考核') },
  'JOIN.PENDING': { status: 409, message: fixed('您已提交过这一户的申请，正在等待社区审核') },
  'JOIN.ALREADY_RESIDENT': { status: 409, message: fixed('您已是这一户的居民') },
  'JOIN.OTHER_COMMUNITY': { status: 409, message: fixed('您已加入其他社区，一个微信号目前只能加入一个社区') },
  'JOIN.PLACE_NOT_FOUND': { status: 404, message: fixed('所选小区或楼栋不存在，请重新选择') },
  'APPLICATION.NOT_FOUND': { status: 404, message: fixed('申请不存在') },
  'APPLICATION.DECIDED': { status: 409, message: fixed('这份申请已经处理过了') },
  'INVITE.NOT_FOUND': { status: 404, message: fixed('邀请码不存在，请核对后重新输入') },
  'INVITE.REVOKED': { status: 409, message: fixed('这个邀请已被管理员撤销') },
  'INVITE.EXPIRED': { status: 409, message: fixed('这个邀请已过期，请向管理员索取新的邀请') },
  'INVITE.USED_UP': { status: 409, message: fixed('这个邀请的使用次数已用完') },
  'INVITE.WRONG_COMMUNITY': { status: 409, message: fixed('这个邀请属于其他社区，不能在这里使用') },
  'MEMBER.NOT_FOUND': { status: 404, message: fixed('该成员不存在或已退出社区') },
  'GRID.NOT_YOURS': { status: 403, message: fixed('只能安排您负责的楼栋里的住户') },
  'MEMBER.LAST_ADMIN': { status: 409, message: fixed('这是社区唯一的管理员，请先邀请另一位管理员') },
  'MANAGE.NOT_FOUND': { status: 404, message: ({ what }: { what: string }) => `${what}不存在或不属于本社区` },
  'MANAGE.STALE': { status: 409, message: fixed('这条记录已被他人修改，请刷新后再改') },
  'MANAGE.DUPLICATE': { status: 409, message: ({ what, name }: { what: string; name: string }) => `已有${what}“${name}”` },
  'MANAGE.IN_USE': {
    status: 409,
    message: ({ what, holds }: { what: string; holds: string }) => `${what}还有${holds}，不能删除：请先迁走或办结后再删`,
  },
  'TEAM.MODE_CONFLICT': {
    status: 409,
    message: ({ team, category }: { team: string; category: string }) => `“${team}”已自动接收${category}工单：一类服务只能由一个抢单或轮询服务队自动接收`,
  },
  'SERVICE.RETIRED': { status: 409, message: fixed('该服务已永久下架，不能再修改') },
  'IMPORT.UNREADABLE': { status: 400, message: ({ reason }: { reason: string }) => `无法读取表格：${reason}` },
  'IMPORT.HAS_PROBLEMS': { status: 409, message: ({ count }: { count: number }) => `表格中有${count}行有问题，请改正后重新导入` },
  'IDEMPOTENCY.KEY_REUSED': { status: 409, message: fixed('请求编号已用于另一项操作') },
  /** A store that cannot be reached (translated by the adapters): nothing was decided, the app retries. */
  'STORE.UNAVAILABLE': { status: 503, message: fixed('服务暂时不可用，请稍后再试') },
  /** A bug: retrying the same request would fail the same way, so the app does not. */
  INTERNAL: { status: 500, message: fixed('系统开小差了，请稍后再试') },
} as const satisfies Record<string, { status: number; message: (params: never) => string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The parameters a code's message needs (`undefined` when it needs none). */
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]['message']> extends [infer P] ? P : undefined;

/** Field path → problem, for the form that sent the input. */
export type FieldProblems = Readonly<Record<string, string>>;

/** The arguments after the code: its parameters when it has any, then optional field problems. */
type ErrorArgs<C extends ErrorCode> =
  ErrorParams<C> extends undefined ? [params?: undefined, details?: FieldProblems] : [params: ErrorParams<C>, details?: FieldProblems];

/** The error shape of every envelope: a code, its Chinese message, and field problems for forms. */
export type AppError = {
  readonly [C in ErrorCode]: {
    readonly code: C;
    readonly message: string;
    /** Field path → problem: which field of the input to mark, and why. */
    readonly details?: FieldProblems;
  };
}[ErrorCode];

/** The Chinese text of a code, rendered from its parameters. */
export function messageOf<C extends ErrorCode>(code: C, ...[params]: ErrorArgs<C>): string {
  return (ERRORS[code].message as (p: unknown) => string)(params);
}

/** Builds an AppError with the table's message rendered from the code's parameters. */
export function appError<C extends ErrorCode>(code: C, ...args: ErrorArgs<C>): AppError {
  const message = messageOf(code, ...args);
  const details = args[1];
  return (details ? { code, message, details } : { code, message }) as AppError;
}

/** Shorthand for a failed Result carrying an AppError. */
export function fail<C extends ErrorCode>(code: C, ...args: ErrorArgs<C>): Err<AppError> {
  return err(appError(code, ...args));
}

/** An input refused field by field: every problem at once, keyed by its path. */
export const invalid = (problems: FieldProblems): Err<AppError> => fail('INPUT.INVALID', undefined, problems);

/** HTTP status the local server answers for a code. */
export const statusOf = (code: ErrorCode): number => ERRORS[code].status;

/** Whether a code is one of the closed set (for anything read back from the wire). */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERRORS, code);
