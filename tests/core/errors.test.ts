import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERRORS, appError, messageOf, statusOf, type ErrorCode, type ErrorParams } from '@core';
import { defineFunction, type Runs } from '@backend/functions/define-function';
import type { Deps } from '@backend/runtime/deps';
import { StoreUnavailable, translatingOutages } from '@backend/storage/outage';
import type { Store } from '@backend/storage/port';
import { fromAppError } from '../../src/api/errors';

/**
 * What each code answers, written out here rather than read from core/errors.ts. The map is total,
 * so a new code does not compile until its status and its text are written down here too.
 */
const EXPECTED: { readonly [C in ErrorCode]: { status: number; params: ErrorParams<C>; text: string } } = {
  'INPUT.INVALID': { status: 400, params: undefined, text: '提交的内容不符合要求' },
  'INPUT.UNKNOWN_ACTION': { status: 400, params: undefined, text: '不支持的操作' },
  'REQUEST.TOO_LARGE': { status: 413, params: undefined, text: '提交的内容过大' },
  'REQUEST.RATE_LIMITED': { status: 429, params: { what: '下单' }, text: '下单太频繁，请稍后再试' },
  'FUNCTION.NOT_FOUND': { status: 404, params: undefined, text: '没有这项服务接口' },
  'AUTH.NO_IDENTITY': { status: 401, params: undefined, text: '未能识别您的身份，请重新进入小程序' },
  'AUTH.UNKNOWN_USER': { status: 401, params: undefined, text: '您还没有加入社区，请联系社区管理员' },
  'AUTH.ROLE_NOT_HELD': { status: 403, params: { role: 'supervisor' }, text: '您没有督单员身份，不能这样操作' },
  'AUTH.FORBIDDEN': { status: 403, params: undefined, text: '您无权进行此操作' },
  'ORDER.NOT_FOUND': { status: 404, params: undefined, text: '工单不存在或您无权查看' },
  'ORDER.VERSION_CONFLICT': { status: 409, params: undefined, text: '工单已被他人更新，请刷新后重试' },
  'ORDER.TRANSITION_NOT_ALLOWED': { status: 409, params: undefined, text: '工单当前状态不能进行此操作' },
  'ORDER.ALREADY_TAKEN': { status: 409, params: undefined, text: '手慢了，这单已被其他队员接走' },
  'ORDER.LEFT_POOL': { status: 409, params: undefined, text: '这单已不在抢单池中（可能已被取消）' },
  'ORDER.URGE_TOO_SOON': { status: 409, params: undefined, text: '30分钟内只能催单一次，我们已在加紧处理' },
  'ORDER.REWORK_WINDOW_PASSED': { status: 409, params: undefined, text: '已超过完工后72小时，不能申请返工，可向社区投诉' },
  'ORDER.REASON_REQUIRED': { status: 400, params: undefined, text: '请填写原因' },
  'ORDER.SAME_ASSIGNEE': { status: 409, params: undefined, text: '转单对象与当前处理人相同' },
  'ORDER.NOT_DUE_YET': { status: 409, params: undefined, text: '还没到约定的时间，过了时间仍未办理再催单或投诉' },
  'ORDER.RESCHEDULE_LIMIT': { status: 409, params: { max: 3 }, text: '每张工单最多改约3次，如需再改请联系物业' },
  'ORDER.AWAITING_RESIDENT': { status: 409, params: undefined, text: '已提议新的时间，正在等居民答复' },
  'ORDER.NOTHING_PROPOSED': { status: 409, params: undefined, text: '没有等您答复的新时间' },
  'ORDER.COMPLAINT_OPEN': { status: 409, params: undefined, text: '您对这张工单的投诉正在等待社区答复，答复后才能再次投诉' },
  'INSTRUCTION.NOT_DISPATCHED': { status: 409, params: undefined, text: '工单尚未派给服务队，请督办物业调度' },
  'INSTRUCTION.NONE_AWAITING': { status: 409, params: undefined, text: '这张工单没有等您回复的督办' },
  'COMPLAINT.NONE_AWAITING': { status: 409, params: undefined, text: '这张工单没有待答复的投诉' },
  'GRIEVANCE.NOT_A_GRIEVANCE': { status: 409, params: undefined, text: '这项操作只适用于居民诉求' },
  'GRIEVANCE.NOT_CLASSIFIED': { status: 409, params: undefined, text: '请先为诉求分类定级，再派单或转办' },
  'GRIEVANCE.OWN': { status: 409, params: undefined, text: '这是您提出的诉求，办理结果会通知您' },
  'GRIEVANCE.ALREADY_JOINED': { status: 409, params: undefined, text: '您已表示遇到同样的问题，办理结果会通知您' },
  'GRIEVANCE.ALREADY_FOLLOWING': { status: 409, params: undefined, text: '您已关注这条诉求' },
  'GRIEVANCE.NO_DECISION': { status: 409, params: undefined, text: '圆桌会议还没有对这条诉求作出决定' },
  'DEPARTMENT.NOT_FOUND': { status: 404, params: undefined, text: '职能部门不存在或已停用' },
  'MEETING.NOT_FOUND': { status: 404, params: undefined, text: '圆桌会议不存在' },
  'FILE.NOT_FOUND': { status: 404, params: undefined, text: '图片不存在' },
  'FILE.NOT_AN_IMAGE': { status: 415, params: undefined, text: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  'FILE.TOO_LARGE': { status: 413, params: { maxMb: 5 }, text: '照片不能超过5MB，请换一张或截图后再传' },
  'FILE.QUOTA_EXCEEDED': { status: 409, params: undefined, text: '您上传后还没用上的照片太多了，请先提交工单，或明天再试' },
  'SERVICE.NOT_FOUND': { status: 404, params: undefined, text: '该服务项目不存在或已下架' },
  'HOUSEHOLD.NOT_YOURS': { status: 403, params: undefined, text: '只能为本人或结对的住户下单' },
  'TEAM.NOT_FOUND': { status: 404, params: undefined, text: '服务队不存在' },
  'TEAM.NOT_MEMBER': { status: 409, params: undefined, text: '该队员不属于这个服务队' },
  'WORKER.OFF_DUTY': { status: 409, params: { name: '孙志远' }, text: '孙志远不在岗，请派给其他队员' },
  'WORKER.OVER_CAPACITY': { status: 409, params: { name: '刘师傅', max: 5 }, text: '刘师傅手头工单已满（5单），请派给其他队员' },
  'GRAB.OFF_DUTY': { status: 409, params: undefined, text: '您当前不在岗，上岗后才能抢单' },
  'GRAB.OVER_CAPACITY': { status: 409, params: { max: 2 }, text: '您手头工单已满（2单），请先完成在办工单' },
  'ASSESSMENT.ALREADY_PUBLISHED': { status: 409, params: undefined, text: '本月考核已发布，不能再修改' },
  'ASSESSMENT.MONTH_NOT_OVER': { status: 409, params: undefined, text: '这个月还没结束，月末后才能发布考核' },
  'JOIN.PENDING': { status: 409, params: undefined, text: '您已提交过这一户的申请，正在等待社区审核' },
  'JOIN.ALREADY_RESIDENT': { status: 409, params: undefined, text: '您已是这一户的居民' },
  'JOIN.OTHER_COMMUNITY': { status: 409, params: undefined, text: '您已加入其他社区，一个微信号目前只能加入一个社区' },
  'JOIN.PLACE_NOT_FOUND': { status: 404, params: undefined, text: '所选小区或楼栋不存在，请重新选择' },
  'APPLICATION.NOT_FOUND': { status: 404, params: undefined, text: '申请不存在' },
  'APPLICATION.DECIDED': { status: 409, params: undefined, text: '这份申请已经处理过了' },
  'INVITE.NOT_FOUND': { status: 404, params: undefined, text: '邀请码不存在，请核对后重新输入' },
  'INVITE.REVOKED': { status: 409, params: undefined, text: '这个邀请已被管理员撤销' },
  'INVITE.EXPIRED': { status: 409, params: undefined, text: '这个邀请已过期，请向管理员索取新的邀请' },
  'INVITE.USED_UP': { status: 409, params: undefined, text: '这个邀请的使用次数已用完' },
  'INVITE.WRONG_COMMUNITY': { status: 409, params: undefined, text: '这个邀请属于其他社区，不能在这里使用' },
  'MEMBER.NOT_FOUND': { status: 404, params: undefined, text: '该成员不存在或已退出社区' },
  'GRID.NOT_YOURS': { status: 403, params: undefined, text: '只能安排您负责的楼栋里的住户' },
  'MEMBER.LAST_ADMIN': { status: 409, params: undefined, text: '这是社区唯一的管理员，请先邀请另一位管理员' },
  'MANAGE.NOT_FOUND': { status: 404, params: { what: '楼栋' }, text: '楼栋不存在或不属于本社区' },
  'MANAGE.STALE': { status: 409, params: undefined, text: '这条记录已被他人修改，请刷新后再改' },
  'MANAGE.DUPLICATE': { status: 409, params: { what: '楼栋', name: '1号楼' }, text: '已有楼栋“1号楼”' },
  'MANAGE.IN_USE': {
    status: 409,
    params: { what: '楼栋“1号楼”', holds: '2户住户和1张未办结的工单' },
    text: '楼栋“1号楼”还有2户住户和1张未办结的工单，不能删除：请先迁走或办结后再删',
  },
  'TEAM.MODE_CONFLICT': {
    status: 409,
    params: { team: '综合维修服务队', category: '维修' },
    text: '“综合维修服务队”已自动接收维修工单：一类服务只能由一个抢单或轮询服务队自动接收',
  },
  'SERVICE.RETIRED': { status: 409, params: undefined, text: '该服务已永久下架，不能再修改' },
  'IMPORT.UNREADABLE': { status: 400, params: { reason: '不是 xlsx 或 csv 文件' }, text: '无法读取表格：不是 xlsx 或 csv 文件' },
  'IMPORT.HAS_PROBLEMS': { status: 409, params: { count: 2 }, text: '表格中有2行有问题，请改正后重新导入' },
  'IDEMPOTENCY.KEY_REUSED': { status: 409, params: undefined, text: '请求编号已用于另一项操作' },
  'STORE.UNAVAILABLE': { status: 503, params: undefined, text: '服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, params: undefined, text: '系统开小差了，请稍后再试' },
};

// The generic signature of messageOf cannot be called with a code from a loop; the table's own type is checked above.
const render = (code: ErrorCode, params: unknown) => (messageOf as (c: ErrorCode, p: unknown) => string)(code, params);

describe('the error table', () => {
  it('has exactly the codes written down here', () => {
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED) as ErrorCode[])('gives %s its HTTP status and a Chinese message', (code) => {
    expect(statusOf(code)).toBe(EXPECTED[code].status);
    expect(render(code, EXPECTED[code].params)).toBe(EXPECTED[code].text);
  });

  it('renders a message from its parameters, not from a text the caller wrote', () => {
    expect(render('WORKER.OVER_CAPACITY', { name: '赵阿姨', max: 3 })).toBe('赵阿姨手头工单已满（3单），请派给其他队员');
    expect(render('REQUEST.RATE_LIMITED', { what: '操作' })).toBe('操作太频繁，请稍后再试');
    expect(render('AUTH.ROLE_NOT_HELD', { role: 'resident' })).toBe('您没有居民身份，不能这样操作');
    expect(appError('WORKER.OFF_DUTY', { name: '刘师傅' })).toEqual({ code: 'WORKER.OFF_DUTY', message: '刘师傅不在岗，请派给其他队员' });
  });

  it('carries field problems beside the message, for the form to show next to each field', () => {
    expect(appError('INPUT.INVALID', undefined, { 'timeWindow.to': '结束时间应晚于开始时间' })).toEqual({
      code: 'INPUT.INVALID',
      message: '提交的内容不符合要求',
      details: { 'timeWindow.to': '结束时间应晚于开始时间' },
    });
  });

  it('keeps every status an HTTP error status', () => {
    for (const code of ERROR_CODES) expect(ERRORS[code].status).toBeGreaterThanOrEqual(400);
  });
});

describe('a failure nobody expected', () => {
  const caller = null;
  const deps = { store: {} as Store, now: () => 0, newId: (p: string) => `${p}1` } satisfies Deps;
  // The public board needs no identity, so its handler is reached without a store.
  const probe = (thrown: unknown) =>
    defineFunction('statistics', {
      public: async () => {
        throw thrown;
      },
    } as unknown as Runs<'statistics'>);
  const boom = { action: 'public', communityId: 'c-xingfuli', month: '2026-09' };
  const quiet = <T>(f: () => Promise<T>) => {
    const original = console.error;
    console.error = () => undefined;
    return f().finally(() => (console.error = original));
  };

  it('answers 500 INTERNAL when a handler throws a plain Error (a bug), and the app does not retry it', async () => {
    const reply = await quiet(() => probe(new Error('a bug'))(boom, caller, deps));
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试' } });
    expect(reply.ok ? null : fromAppError(reply.error).retryable).toBe(false);
  });

  it('answers 503 STORE.UNAVAILABLE only for a store the adapter reports unreachable, which the app retries', async () => {
    const reply = await quiet(() => probe(new StoreUnavailable(new Error('disk I/O error')))(boom, caller, deps));
    expect(reply).toEqual({ ok: false, error: { code: 'STORE.UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } });
    expect(reply.ok ? null : fromAppError(reply.error).retryable).toBe(true);
  });

  it('lets an adapter turn its database failures into StoreUnavailable and leave its bugs as they are', async () => {
    class DatabaseDown extends Error {}
    const raw = {
      kind: 'embedded',
      getOrder: async (id: string) => {
        if (id === 'down') throw new DatabaseDown('connection refused');
        throw new TypeError('cannot read properties of undefined');
      },
    } as unknown as Store;
    const store = translatingOutages(raw, (e) => e instanceof DatabaseDown);
    expect(store.kind).toBe('embedded');
    await expect(store.getOrder('down')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.getOrder('bug')).rejects.toBeInstanceOf(TypeError);
  });
});
