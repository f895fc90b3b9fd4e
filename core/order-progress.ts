import type { Millis } from './community';
import type { Order } from './order';
import { assertNever } from './result';
import { chinaClock, chinaDayNumber, chinaParts } from './china-time';

/** Clock words in China time (china-time.ts), whatever the zone of the phone or the server. */
const day = chinaDayNumber;
/** "08:00". */
const hhmm = chinaClock;
/** "今天", "明天", "后天", else "12月3日", relative to now. */
const dayName = (t: Millis, now: Millis) => {
  const diff = day(t) - day(now);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === 2) return '后天';
  const d = chinaParts(t);
  return `${d.month}月${d.day}日`;
};
/** "05:19" today, else "明天05:19". */
const by = (t: Millis, now: Millis) => (day(t) === day(now) ? hhmm(t) : `${dayName(t, now)}${hhmm(t)}`);

/** How the line should look: waiting on staff, under way, needing the resident or the community, or over. */
export type ProgressTone = 'waiting' | 'active' | 'attention' | 'done';

export interface Progress {
  readonly text: string;
  readonly tone: ProgressTone;
}

type ProgressFacts = Pick<Order, 'state' | 'clock' | 'timeWindow' | 'instructions' | 'complaints' | 'autoClosed' | 'rating' | 'kind'>;

/**
 * The one line a resident reads at the top of their order, in plain words: who is doing what and by
 * when ("师傅已接单 · 明天08:00–12:00上门", "物业正在安排人员（05:19前）"). Once the community
 * presses the case (escalated, a 督办 open) it says "社区正在督促处理" and nothing internal. Times
 * are China time.
 */
export function progressLine(order: ProgressFacts, now: Millis): Progress {
  const clock = order.clock;
  const pressed = (clock !== null && clock.level >= 2) || order.instructions.some((i) => !i.answer);
  const unfinished = order.state !== 'closed' && order.state !== 'cancelled' && order.state !== 'refused' && order.state !== 'pending_confirm';
  if (unfinished && pressed) return { text: '社区正在督促处理', tone: 'attention' };
  const late = clock !== null && clock.level >= 1;
  if (order.kind === 'grievance') return grievanceLine(order, late, clock ? by(clock.dueAt, now) : null);
  switch (order.state) {
    case 'pending_dispatch':
      return late ? { text: '物业正在加紧安排人员', tone: 'attention' } : { text: `物业正在安排人员（${by(clock?.dueAt ?? now, now)}前）`, tone: 'waiting' };
    case 'pending_accept':
      return late
        ? { text: '已安排服务队，正在催师傅接单', tone: 'attention' }
        : { text: `已安排服务队，等师傅接单（${by(clock?.dueAt ?? now, now)}前）`, tone: 'waiting' };
    case 'accepted': {
      const { from, to } = order.timeWindow;
      const window = day(from) === day(to) ? `${dayName(from, now)}${hhmm(from)}–${hhmm(to)}` : `${by(from, now)}–${by(to, now)}`;
      return { text: `师傅已接单 · ${window}上门`, tone: 'active' };
    }
    case 'in_service':
      return { text: '师傅正在为您服务', tone: 'active' };
    case 'referred':
      return late ? { text: '社区正在督促办理', tone: 'attention' } : { text: `正在办理（${by(clock?.dueAt ?? now, now)}前答复）`, tone: 'active' };
    case 'pending_confirm':
      return { text: `服务已完成，请确认并评价${clock ? `（${by(clock.dueAt, now)}前）` : ''}`, tone: 'attention' };
    case 'closed':
      if (order.complaints.some((c) => !c.answer)) return { text: '已办结 · 社区正在处理您的投诉', tone: 'attention' };
      return { text: order.autoClosed ? '已办结（未在期限内确认，自动办结）' : order.rating ? '已办结 · 感谢您的评价' : '已办结', tone: 'done' };
    case 'cancelled':
      return { text: '工单已取消', tone: 'done' };
    case 'refused':
      return { text: '物业无法受理这项服务', tone: 'done' };
    default:
      return assertNever(order.state);
  }
}

/**
 * A 诉求 books no visit and has no 师傅 until a team takes it: the same states in the words of a
 * request being handled ("社区已收到您的诉求", "办理结果已出"). `due` is the current deadline, as read.
 */
function grievanceLine(order: ProgressFacts, late: boolean, due: string | null): Progress {
  const by = due ? `（${due}前）` : '';
  switch (order.state) {
    case 'pending_dispatch':
      return late ? { text: '社区正在加紧安排办理您的诉求', tone: 'attention' } : { text: `社区已收到您的诉求，正在安排办理${by}`, tone: 'waiting' };
    case 'pending_accept':
      return { text: `已交服务队办理，等待接手${by}`, tone: 'waiting' };
    case 'accepted':
    case 'in_service':
      return { text: '服务队正在办理您的诉求', tone: 'active' };
    case 'referred':
      return late ? { text: '社区正在督促办理', tone: 'attention' } : { text: `正在办理${due ? `（${due}前答复）` : ''}`, tone: 'active' };
    case 'pending_confirm':
      return { text: `办理结果已出，请确认并评价${by}`, tone: 'attention' };
    case 'closed':
      if (order.complaints.some((c) => !c.answer)) return { text: '已办结 · 社区正在处理您的投诉', tone: 'attention' };
      return { text: order.autoClosed ? '已办结（未在期限内确认，自动办结）' : order.rating ? '已办结 · 感谢您的评价' : '已办结', tone: 'done' };
    case 'cancelled':
      return { text: '诉求已撤回', tone: 'done' };
    case 'refused':
      return { text: '社区已答复，此事不在受理范围', tone: 'done' };
    default:
      return assertNever(order.state);
  }
}
