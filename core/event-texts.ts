import type { ActionType } from './order-inputs';
import type { SystemActionType } from './order-rule';
import type { Role } from './roles';

/** Marks the deadline sweep records without changing the state (core/sweep.ts). */
export const SWEEP_MARKS = ['overdue', 'escalate', 'instruction_overdue'] as const;
export type SweepMark = (typeof SWEEP_MARKS)[number];

/** Hand-overs the system makes as an order is placed (core/auto-dispatch.ts: 抢单 and 轮询 teams). */
export const ROUTING_EVENTS = ['auto_dispatch'] as const;
export type RoutingEvent = (typeof ROUTING_EVENTS)[number];

/** Every kind of event an order's timeline can hold: its creation, what people do, what the system does. */
export type EventType = 'create' | 'raise' | ActionType | SystemActionType | SweepMark | RoutingEvent;

/** Who reads an event: the household that ordered, or the staff who serve and supervise it. */
export type Audience = 'resident' | 'staff';

export const audienceOf = (role: Role): Audience => (role === 'resident' ? 'resident' : 'staff');

/**
 * What one event says to each audience. `resident: null` keeps the event off the resident's timeline
 * (internal bookkeeping between staff); `residentDetails` says whether its details (reason, notes,
 * photos, rating, text) are the resident's business too.
 */
export interface EventWords {
  readonly staff: string;
  readonly resident: string | null;
  readonly residentDetails: boolean;
}

const words = (staff: string, resident: string | null, residentDetails = false): EventWords => ({ staff, resident, residentDetails });

/**
 * The one table of event texts. Total over EventType, so a new action or sweep mark does not compile
 * until someone decides what it says to a resident. Residents read plain words: no 派单, 超时环节,
 * escalation levels or the text of a 督办, and their own doings in the second person.
 */
export const EVENT_TEXTS: { readonly [E in EventType]: EventWords } = {
  create: words('居民下单', '您已下单'),
  raise: words('居民提出诉求', '您已提交诉求'),
  cancel: words('取消工单', '工单已取消', true),
  urge: words('催单', '您催了一次，物业已收到'),
  confirm: words('确认完成并评价', '您已确认完成并评价', true),
  rework: words('申请返工', '您申请了返工', true),
  complain: words('投诉', '您向社区投诉', true),
  dispatch: words('派单', '物业已安排服务队'),
  reassign: words('转单', '物业已换人为您服务'),
  refuse: words('退单', '物业无法受理这项服务', true),
  accept: words('接单', '师傅已接单'),
  grab: words('抢单', '师傅已接单'),
  decline: words('退回', '原师傅无法前来，物业正在重新安排'),
  start: words('开始服务', '师傅已上门，开始服务'),
  complete: words('完工上报', '服务已完成，请您确认', true),
  instruct: words('督办', '社区正在督促处理'),
  reopen: words('重新打开', '社区已重新打开工单', true),
  reply: words('回复督办', null),
  answer: words('答复投诉', '社区答复了您的投诉', true),
  revisit: words('回访', '社区已回访'),
  reschedule: words('居民改约', '您改了预约时间', true),
  propose_time: words('提议改期', '师傅想改个时间上门，请您确认', true),
  accept_time: words('居民同意改期', '您同意了新的上门时间', true),
  refuse_time: words('居民维持原约', '您保留了原来的预约时间', true),
  auto_dispatch: words('自动派单', '已自动安排服务队'),
  classify: words('分类定级', '社区已受理您的诉求'),
  route: words('转办', '您的诉求已转交办理'),
  resolve: words('录入办理结果', '诉求有了办理结果，请您确认并评价', true),
  unroute: words('退回重新分派', '正在重新安排办理您的诉求'),
  me_too: words('居民表示也遇到', '又有邻居遇到同样的问题'),
  follow: words('居民关注', null),
  agenda_decide: words('圆桌会议决定', '圆桌会议已议定办理方案', true),
  auto_close: words('超时未确认，自动办结', '未在期限内确认，工单已自动办结'),
  overdue: words('超时提醒', '已提醒物业抓紧处理'),
  escalate: words('超时升级', '社区正在督促处理'),
  instruction_overdue: words('督办超时未回复', null),
};

const isEventType = (action: string): action is EventType => Object.hasOwn(EVENT_TEXTS, action);

/** What an event is called for this audience; null when that audience does not see it. Unknown actions read as themselves to staff. */
export function eventTitleFor(action: string, audience: Audience): string | null {
  if (!isEventType(action)) return audience === 'staff' ? action : null;
  return EVENT_TEXTS[action][audience];
}

/** Whether this audience sees the details an event carries. */
export function eventDetailsFor(action: string, audience: Audience): boolean {
  if (audience === 'staff') return true;
  return isEventType(action) && EVENT_TEXTS[action].resident !== null && EVENT_TEXTS[action].residentDetails;
}

/** The text of a notification to the resident about this event (the same words as their timeline). */
export const residentNotice = (action: EventType): string => EVENT_TEXTS[action].resident ?? EVENT_TEXTS[action].staff;

/**
 * What an event is called, reading what it records: a 点单 or a 确认 done for the resident by someone
 * else (代下单, seed 003) says so to everyone, so the timeline shows who acted for whom.
 */
export function eventTitleOf(e: { readonly action: string; readonly payload: Readonly<Record<string, unknown>> }, audience: Audience): string | null {
  if (e.payload.onBehalf === true && e.action === 'confirm') return '代居民确认完成并评价';
  if (e.payload.onBehalf === true && e.action === 'create') return '代居民下单';
  return eventTitleFor(e.action, audience);
}
