import { err, type Err } from './result';

/**
 * Every error that crosses the wire. The code is the contract; the Chinese text for the UI and the
 * HTTP status of the local server live here, in one table, so a new code cannot miss either.
 */
export const ERRORS = {
  'INPUT.INVALID': { status: 400, message: '提交的内容不符合要求' },
  'INPUT.UNKNOWN_ACTION': { status: 400, message: '不支持的操作' },
  'REQUEST.TOO_LARGE': { status: 413, message: '提交的内容过大' },
  'REQUEST.RATE_LIMITED': { status: 429, message: '操作太频繁，请稍后再试' },
  'FUNCTION.NOT_FOUND': { status: 404, message: '没有这项服务接口' },
  'AUTH.NO_IDENTITY': { status: 401, message: '未能识别您的身份，请重新进入小程序' },
  'AUTH.UNKNOWN_USER': { status: 401, message: '您还没有加入社区，请联系社区管理员' },
  'AUTH.ROLE_NOT_HELD': { status: 403, message: '您没有这个身份' },
  'AUTH.FORBIDDEN': { status: 403, message: '您无权进行此操作' },
  'ORDER.NOT_FOUND': { status: 404, message: '工单不存在或您无权查看' },
  'ORDER.VERSION_CONFLICT': { status: 409, message: '工单已被他人更新，请刷新后重试' },
  'ORDER.TRANSITION_NOT_ALLOWED': { status: 409, message: '工单当前状态不能进行此操作' },
  'ORDER.ALREADY_TAKEN': { status: 409, message: '手慢了，这单已被其他队员接走' },
  'ORDER.URGE_TOO_SOON': { status: 409, message: '30分钟内只能催单一次，我们已在加紧处理' },
  'ORDER.REWORK_WINDOW_PASSED': { status: 409, message: '已超过完工后72小时，不能申请返工，可向社区投诉' },
  'ORDER.REASON_REQUIRED': { status: 400, message: '请填写原因' },
  'ORDER.SAME_ASSIGNEE': { status: 409, message: '转单对象与当前处理人相同' },
  'ORDER.COMPLAINT_OPEN': { status: 409, message: '您对这张工单的投诉正在等待社区答复，答复后才能再次投诉' },
  'FILE.NOT_FOUND': { status: 404, message: '图片不存在' },
  'FILE.NOT_AN_IMAGE': { status: 415, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  'FILE.QUOTA_EXCEEDED': { status: 409, message: '您上传后还没用上的照片太多了，请先提交工单，或明天再试' },
  'SERVICE.NOT_FOUND': { status: 404, message: '该服务项目不存在或已下架' },
  'HOUSEHOLD.NOT_YOURS': { status: 403, message: '只能为本人或结对的住户下单' },
  'TEAM.NOT_FOUND': { status: 404, message: '服务队不存在' },
  'TEAM.NOT_MEMBER': { status: 409, message: '该队员不属于这个服务队' },
  'WORKER.OFF_DUTY': { status: 409, message: '该队员不在岗' },
  'WORKER.OVER_CAPACITY': { status: 409, message: '手头工单已满，请先完成在办工单' },
  'ASSESSMENT.ALREADY_PUBLISHED': { status: 409, message: '本月考核已发布，不能再修改' },
  'ASSESSMENT.MONTH_NOT_OVER': { status: 409, message: '这个月还没结束，月末后才能发布考核' },
  'IDEMPOTENCY.KEY_REUSED': { status: 409, message: '请求编号已用于另一项操作' },
  'STORE.UNAVAILABLE': { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, message: '系统开小差了，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The error shape of every envelope: a code, its Chinese message, and optional detail for forms. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field path → problem, for input errors; free text elsewhere. */
  readonly details?: Readonly<Record<string, string>>;
}

/** Builds an AppError with the table's message unless a more specific one is given. */
export function appError(code: ErrorCode, details?: Record<string, string>, message?: string): AppError {
  return details ? { code, message: message ?? ERRORS[code].message, details } : { code, message: message ?? ERRORS[code].message };
}

/** Shorthand for a failed Result carrying an AppError. */
export function fail(code: ErrorCode, details?: Record<string, string>, message?: string): Err<AppError> {
  return err(appError(code, details, message));
}

/** HTTP status the local server answers for a code. */
export const statusOf = (code: ErrorCode): number => ERRORS[code].status;
