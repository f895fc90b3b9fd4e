import {
  DAY,
  HOUR,
  MINUTE,
  ORDER_STATES,
  nextSweepAt,
  type Envelope,
  type Millis,
  type Order,
  type OrderState,
  type ServiceItem,
  type StageDeadlines,
} from '@core';
import { FUNCTIONS } from '../functions/registry';
import type { Deps } from '../runtime/deps';
import type { Store } from '../storage/port';
import { runSweep } from '../usecases/sweep';
import { seededRandom, type SeededRandom } from '../runtime/seeded-random';
import { DEMO_DATA } from './demo-data';

/**
 * A month in the life of the demo community, played through the real function handlers so that a
 * first start opens on something to look at: the 三率 board, the 晾晒 board, the 考核, the
 * dispatcher's inbox and the workers' lists all have orders, and every order has a genuine timeline.
 *
 * The clock is walked forward from about 30 days before `until` to `until`; at each moment a person
 * acts through `FUNCTIONS.orders` exactly as the app would (reading the order's version first), and
 * the real sweep runs whenever a deadline falls due on the way, so the overdue marks, escalations and
 * the automatic close are the sweep's own. Everything is decided by a seeded PRNG and the ids are
 * derived from the walked clock and that PRNG: the same `until` gives the same store, row for row.
 *
 * Only the local server calls this (main.ts on a freshly seeded store, and `npm run reset`); the
 * seed functions that tests, the bench and the crash-safety writer use still write no orders.
 */

/** What was played: how many orders end in each state, and what it took. */
export interface DemoMonthReport {
  readonly orders: number;
  readonly events: number;
  readonly sweeps: number;
  readonly states: Record<OrderState, number>;
  readonly ms: number;
}

/** China Standard Time: the community's days start at 00:00 UTC+8. */
const CST = 8 * HOUR;
const SEED = 20_261_101;

type Rng = SeededRandom;

// ---------------------------------------------------------------------------------------------
// Who lives where, what they order, how the work goes
// ---------------------------------------------------------------------------------------------

/** Who orders for each household: 张秀兰 for herself and, 代办, for her neighbour 王德福. */
const RESIDENT_OF: Readonly<Record<string, string>> = {
  'h-yg-a': 'demo-resident',
  'h-yg-b': 'demo-resident',
  'h-hp-a': 'demo-resident-2',
  'h-hp-b': 'demo-worker-3',
};
const DISPATCHER = 'demo-dispatcher';
const SUPERVISOR = 'demo-supervisor';
const TEAM_OF_CATEGORY: Readonly<Record<string, string>> = {
  repair: 't-general',
  cleaning: 't-general',
  other: 't-general',
  daycare: 't-elder',
  homecare: 't-elder',
  meal: 't-elder',
  companion: 't-elder',
};

/** How residents use one service: when they book it, for when, how long the work takes, in their words. */
interface ServicePlan {
  /** How often it is ordered, relative to the others. */
  readonly weight: number;
  readonly households: readonly string[];
  /** China-time hours between which it is ordered. */
  readonly placedHours: readonly [number, number];
  /** Hours from ordering to the start of the booked window (0: right away); past 18:00 it moves to the next morning. */
  readonly leadHours: readonly [number, number];
  readonly windowHours: number;
  /** Minutes of work on site. */
  readonly workMinutes: readonly [number, number];
  readonly texts: readonly string[];
  readonly notes: readonly string[];
}

const PLANS: Readonly<Record<string, ServicePlan>> = {
  's-repair-urgent': {
    weight: 3,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a', 'h-hp-b'],
    placedHours: [7, 21],
    leadHours: [0, 0],
    windowHours: 2,
    workMinutes: [30, 110],
    texts: ['厨房水龙头漏水，关不紧', '卫生间跳闸，一开热水器就断电', '马桶进水阀坏了，一直流水', '客厅插座冒火花，已经拉了闸', '洗衣机下水管接头漏水'],
    notes: [
      '更换水龙头阀芯，已试水不漏',
      '更换漏电保护开关，线路绝缘已检测',
      '更换马桶进水阀，已试冲三次',
      '更换烧坏的插座并紧固接线，已通电测试',
      '重新固定下水管接头并缠生料带，已试机',
    ],
  },
  's-repair': {
    weight: 3,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a', 'h-hp-b'],
    placedHours: [8, 18],
    leadHours: [3, 6],
    windowHours: 2,
    workMinutes: [40, 110],
    texts: ['卧室门锁卡住，钥匙拧不动', '厨房吊柜门合页脱落', '阳台推拉窗关不严，漏风', '餐椅腿松了，坐着晃', '防盗门把手松动'],
    notes: ['更换锁芯并调整锁舌，已反复试开', '更换合页两只，柜门已调平', '更换窗户密封条，调整滑轮', '重新打胶加固椅腿', '紧固把手螺丝并加垫片'],
  },
  's-cleaning': {
    weight: 2,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a', 'h-hp-b'],
    placedHours: [8, 17],
    leadHours: [3, 6],
    windowHours: 2,
    workMinutes: [100, 125],
    texts: ['厨房油烟机和灶台清洁', '卫生间深度清洁，瓷砖缝发黑', '老人家里全屋保洁，地面要拖干净', '换季擦窗户，客厅和卧室'],
    notes: ['油烟机拆洗、灶台除油，垃圾已带走', '卫生间除垢、瓷砖缝清洁，地面已拖干', '全屋除尘拖地，床品已整理', '擦洗窗户六扇及窗槽'],
  },
  's-errand': {
    weight: 2,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a'],
    placedHours: [8, 17],
    leadHours: [1, 4],
    windowHours: 3,
    workMinutes: [30, 80],
    texts: ['帮忙去药店买降压药，处方在家里', '代缴这个月的水电费', '代买一袋大米和一桶油，送到家', '帮忙取一下快递柜里的包裹'],
    notes: ['药品已送到，小票交给老人', '水电费已缴清，凭条已交给居民', '大米和油已送到厨房', '包裹已取回，居民当面签收'],
  },
  's-meal': {
    weight: 3,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a'],
    placedHours: [8, 9],
    leadHours: [2, 3],
    windowHours: 1,
    workMinutes: [15, 35],
    texts: ['送一份午餐，少盐少油', '给王大爷送一份午餐，饭要软一些', '两份午餐，一份不要辣'],
    notes: ['午餐已送到，餐盒已回收', '已送餐到家，老人当面签收', '两份午餐已送达，提醒趁热吃'],
  },
  's-homecare': {
    weight: 2,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a'],
    placedHours: [8, 12],
    leadHours: [2, 5],
    windowHours: 2,
    workMinutes: [90, 120],
    texts: ['上门助浴，老人腿脚不便', '上门帮忙打扫卧室、换洗床单', '老人术后需要上门翻身擦洗'],
    notes: ['已协助老人洗浴、更换衣物，皮肤无破损', '卧室已清扫，床单被罩已换洗晾好', '已翻身擦洗，提醒家属每两小时翻身'],
  },
  's-daycare': {
    weight: 1,
    households: ['h-yg-a', 'h-yg-b'],
    placedHours: [7, 7],
    leadHours: [1, 2],
    windowHours: 8,
    workMinutes: [420, 480],
    texts: ['今天去日间照料中心，下午五点前接回', '白天家里没人，送老人去日托'],
    notes: ['老人在中心午餐、午休，下午参加了书法活动，已送回家', '全天照料顺利，血压正常，已送回家'],
  },
  's-companion': {
    weight: 1,
    households: ['h-yg-b', 'h-hp-a'],
    placedHours: [7, 8],
    leadHours: [1, 2],
    windowHours: 4,
    workMinutes: [150, 230],
    texts: ['去区医院复查，需要有人陪同挂号取药', '陪老人去社区医院打针'],
    notes: ['陪同挂号、就诊、取药，已送老人回家', '已陪同打针并观察半小时，送回家中'],
  },
};

const GOOD_COMMENTS = ['师傅很细心', '准时上门，干活利索', '态度好，收拾得很干净', '很满意，价格也实惠', '老人很满意，谢谢', ''];
const POOR_COMMENTS = ['来得太晚了，等了很久', '活干得马虎，没收拾干净', '修完没多久又出问题'];

// ---------------------------------------------------------------------------------------------
// Stories: one order each, a list of moments at which someone acts on it
// ---------------------------------------------------------------------------------------------

/** Someone acting: a named user, or whoever holds the order at that moment. */
type Actor = string | { readonly holder: true } | { readonly grabber: string };
type Input = Record<string, unknown> | ((order: Order) => Record<string, unknown> | Promise<Record<string, unknown>>);

interface Booking {
  readonly service: string;
  readonly household: string;
  readonly text: string;
  readonly window: { readonly from: Millis; readonly to: Millis };
}

interface Step {
  readonly at: Millis;
  readonly who: Actor;
  readonly role: string;
  readonly action: string;
  readonly input?: Input;
}

interface Story {
  readonly key: string;
  readonly placedAt: Millis;
  readonly booking: Booking;
  readonly steps: Step[];
  id: string | null;
}

const HOLDER = { holder: true } as const;

/** The shorthand stories are written in. */
const act = {
  dispatchPool: (at: Millis, teamId: string): Step => ({ at, who: DISPATCHER, role: 'dispatcher', action: 'dispatch', input: { teamId } }),
  /** To one member: named, or picked among the team's members with room at that moment. */
  dispatchMember: (at: Millis, teamId: string, workerId: string | null = null): Step => ({
    at,
    who: DISPATCHER,
    role: 'dispatcher',
    action: 'dispatch',
    input: workerId ? { teamId, workerId } : { teamId, workerId: PICK },
  }),
  /** A pool order grabbed: by the named worker, or by a teammate with room. */
  grab: (at: Millis, teamId: string, workerId: string | null = null): Step => ({ at, who: workerId ?? { grabber: teamId }, role: 'worker', action: 'grab' }),
  accept: (at: Millis): Step => ({ at, who: HOLDER, role: 'worker', action: 'accept' }),
  decline: (at: Millis, reason: string): Step => ({ at, who: HOLDER, role: 'worker', action: 'decline', input: { reason } }),
  start: (at: Millis): Step => ({ at, who: HOLDER, role: 'worker', action: 'start' }),
  complete: (at: Millis, notes: string): Step => ({ at, who: HOLDER, role: 'worker', action: 'complete', input: { notes, photos: [] } }),
  confirm: (at: Millis, by: string, stars: readonly [number, number, number], comment: string): Step => ({
    at,
    who: by,
    role: 'resident',
    action: 'confirm',
    input: { attitude: stars[0], timeliness: stars[1], quality: stars[2], comment },
  }),
  resident: (at: Millis, by: string, action: 'urge' | 'cancel' | 'rework' | 'complain', input: Record<string, unknown> = {}): Step => ({
    at,
    who: by,
    role: 'resident',
    action,
    input,
  }),
  refuse: (at: Millis, reason: string, redirect: string): Step => ({ at, who: DISPATCHER, role: 'dispatcher', action: 'refuse', input: { reason, redirect } }),
  reassign: (at: Millis, teamId: string, reason: string): Step => ({
    at,
    who: DISPATCHER,
    role: 'dispatcher',
    action: 'reassign',
    input: { teamId, workerId: OTHER, reason },
  }),
  instruct: (at: Millis, to: 'dispatcher' | 'worker', text: string, dueInHours: number): Step => ({
    at,
    who: SUPERVISOR,
    role: 'supervisor',
    action: 'instruct',
    input: { text, to, dueInHours },
  }),
  /** Replies to the 督办 awaiting an answer. */
  reply: (at: Millis, who: Actor, role: 'dispatcher' | 'worker', text: string): Step => ({
    at,
    who,
    role,
    action: 'reply',
    input: (o) => ({ seq: o.instructions.find((i) => !i.answer)!.seq, text }),
  }),
  /** Answers the complaint still open. */
  answer: (at: Millis, text: string): Step => ({
    at,
    who: SUPERVISOR,
    role: 'supervisor',
    action: 'answer',
    input: (o) => ({ seq: o.complaints.find((c) => !c.answer)!.seq, text }),
  }),
  revisit: (at: Millis, reached: boolean, satisfied: boolean | null, notes: string): Step => ({
    at,
    who: SUPERVISOR,
    role: 'supervisor',
    action: 'revisit',
    input: { reached, satisfied, notes },
  }),
  reopen: (at: Millis, reason: string): Step => ({ at, who: SUPERVISOR, role: 'supervisor', action: 'reopen', input: { reason } }),
};
/** Placeholders resolved when the step runs: a teammate with room, or one other than the holder. */
const PICK = '<pick>';
const OTHER = '<other>';

const deadlinesOf = (serviceId: string): StageDeadlines => {
  const item = DEMO_DATA.serviceItems.find((s) => s.id === serviceId) as ServiceItem;
  return item.deadlines ?? DEMO_DATA.communities[0]!.settings.defaultDeadlines;
};

/**
 * The month's stories. `day(k, h, m)` is h:m China time k days before `until`'s day; `ago(h)` is h hours
 * before `until`. Ordinary days come from the PRNG and are handled on time; the special stories show
 * one of each detour; the last ones leave open orders in every open state at `until`.
 */
function writeStories(until: Millis, rng: Rng): Story[] {
  const midnight = Math.floor((until + CST) / DAY) * DAY - CST;
  const day = (k: number, h: number, m = 0) => midnight - k * DAY + h * HOUR + m * MINUTE;
  const ago = (h: number, m = 0) => until - h * HOUR - m * MINUTE;
  const stories: Story[] = [];
  const story = (key: string, placedAt: Millis, booking: Omit<Booking, 'window'> & { window: [Millis, Millis] }, steps: Step[]) => {
    stories.push({ key, placedAt, booking: { ...booking, window: { from: booking.window[0], to: booking.window[1] } }, steps, id: null });
  };

  // Ordinary days, 29 to 4 days back: one or two orders a day, dispatched, taken, done and rated on time.
  const services = Object.entries(PLANS).flatMap(([id, p]) => Array<string>(p.weight).fill(id));
  for (let k = 29; k >= 4; k--) {
    const n = rng.chance(0.45) ? 2 : 1;
    for (let j = 0; j < n; j++) stories.push(ordinary(`d${k}-${j}`, rng.pick(services), day(k, 0), rng, until));
  }

  // 返工: the lock sticks again the next day; the same worker comes back.
  story('rework', day(20, 9, 10), { service: 's-repair', household: 'h-hp-a', text: '卫生间门锁坏了，门关不上', window: [day(20, 14), day(20, 16)] }, [
    act.dispatchPool(day(20, 9, 40), 't-general'),
    act.grab(day(20, 10, 5), 't-general'),
    act.start(day(20, 14, 10)),
    act.complete(day(20, 15), '更换门锁锁芯，已试开'),
    act.resident(day(19, 10, 30), 'demo-resident-2', 'rework', { reason: '门锁用了一天又卡住，钥匙拧不动' }),
    act.start(day(19, 14)),
    act.complete(day(19, 14, 50), '重新调整锁舌和门框扣板，已反复试开十次'),
    act.confirm(day(19, 19), 'demo-resident-2', [5, 4, 4], '第二次修好了，师傅态度好'),
  ]);

  // Left unconfirmed: the sweep closes it when the confirm deadline passes; the 回访 reaches her.
  story('auto-close', day(16, 10), { service: 's-cleaning', household: 'h-yg-b', text: '厨房油烟机和灶台深度清洁', window: [day(16, 14), day(16, 16)] }, [
    act.dispatchMember(day(16, 10, 30), 't-general'),
    act.accept(day(16, 10, 50)),
    act.start(day(16, 14, 5)),
    act.complete(day(16, 16), '油烟机拆洗、灶台除油，垃圾已带走'),
    act.revisit(day(12, 10, 15), true, true, '居民忘了点确认，对保洁满意'),
  ]);

  // Nobody accepted for three hours: overdue, escalated to the supervisors; a complaint, answered.
  story('complaint', day(12, 8), { service: 's-homecare', household: 'h-yg-b', text: '王大爷需要上门助浴，水温别太烫', window: [day(12, 13), day(12, 15)] }, [
    act.dispatchMember(day(12, 8, 30), 't-elder'),
    act.resident(day(12, 10), 'demo-resident', 'urge'),
    act.resident(day(12, 11), 'demo-resident', 'complain', { text: '约了上门助浴，等了一上午都没人接单' }),
    act.accept(day(12, 11, 40)),
    act.start(day(12, 13, 20)),
    act.complete(day(12, 15, 10), '已协助老人洗浴、更换衣物，皮肤无破损'),
    act.confirm(day(12, 18), 'demo-resident', [3, 2, 4], '来得太晚了，等了很久'),
    act.answer(day(11, 9, 30), '已约谈服务队，今后派给个人的工单须1小时内接单'),
  ]);

  // Fixed, badly: the 回访 finds it still leaking, the supervisor reopens it, a second visit mends it.
  story(
    'reopen',
    day(24, 19, 20),
    { service: 's-repair-urgent', household: 'h-hp-b', text: '厨房水管接头漏水，地上都是水', window: [day(24, 19, 20), day(24, 21, 20)] },
    [
      act.dispatchPool(day(24, 19, 26), 't-general'),
      act.grab(day(24, 19, 33), 't-general'),
      act.start(day(24, 19, 50)),
      act.complete(day(24, 20, 30), '重新缠生料带，接头已不漏'),
      act.confirm(day(24, 21, 10), 'demo-worker-3', [3, 3, 2], '当时不漏了，一晚上又开始渗水'),
      act.revisit(day(23, 10), true, false, '居民反映接头仍在渗水'),
      act.reopen(day(23, 10, 5), '回访发现仍渗水，需重新维修'),
      act.dispatchMember(day(23, 10, 12), 't-general'),
      act.accept(day(23, 10, 20)),
      act.start(day(23, 10, 40)),
      act.complete(day(23, 11, 40), '更换整段软管和角阀，观察30分钟无渗漏'),
      act.confirm(day(23, 15), 'demo-worker-3', [5, 5, 5], '这次彻底修好了'),
    ],
  );

  // Ordered at night, dispatched in the morning: escalated to the secretary overnight; a 督办, answered.
  story('night', day(9, 21, 30), { service: 's-errand', household: 'h-yg-a', text: '帮忙去药店买降压药和血压计电池', window: [day(8, 9), day(8, 12)] }, [
    act.instruct(day(8, 7, 50), 'dispatcher', '夜间点单无人派单，已升级到书记，请上班后第一时间派出', 2),
    act.reply(day(8, 8, 20), DISPATCHER, 'dispatcher', '已安排队员上午送到；今后夜间点单由值班员次日8点前派出'),
    act.dispatchMember(day(8, 8, 25), 't-general'),
    act.accept(day(8, 8, 40)),
    act.start(day(8, 9, 30)),
    act.complete(day(8, 10, 20), '药品和电池已送到，小票交给老人'),
    act.confirm(day(8, 12), 'demo-resident', [4, 4, 5], '就是晚了一点，东西没买错'),
  ]);

  // 退回 by the worker offered it, then taken from the pool by a teammate.
  story(
    'decline',
    day(18, 7, 30),
    { service: 's-companion', household: 'h-hp-a', text: '去区医院复查，需要有人陪同挂号取药', window: [day(18, 8, 30), day(18, 12, 30)] },
    [
      act.dispatchMember(day(18, 7, 45), 't-elder', 'demo-worker-2'),
      act.decline(day(18, 8), '上午已排了两户助浴，走不开'),
      act.dispatchPool(day(18, 8, 10), 't-elder'),
      act.grab(day(18, 8, 20), 't-elder', 'demo-worker-3'),
      act.start(day(18, 8, 40)),
      act.complete(day(18, 11, 50), '陪同挂号、就诊、取药，已送老人回家'),
      act.confirm(day(18, 15), 'demo-resident-2', [5, 5, 5], '很耐心，全程陪着'),
    ],
  );

  // 转单: the dispatcher moves an accepted order to the other member of the team.
  story('reassign', day(7, 9), { service: 's-repair', household: 'h-yg-a', text: '卧室窗户关不严，冬天漏风', window: [day(6, 9), day(6, 11)] }, [
    act.dispatchMember(day(7, 9, 30), 't-general'),
    act.accept(day(7, 9, 50)),
    act.reassign(day(7, 13), 't-general', '原队员临时处理急修，改派其他队员'),
    act.accept(day(7, 13, 20)),
    act.start(day(6, 9, 10)),
    act.complete(day(6, 10, 10), '更换窗户密封条，调整合页'),
    act.confirm(day(6, 18), 'demo-resident', [5, 4, 5], '窗户不漏风了'),
  ]);

  // Withdrawn before anyone took it, and cancelled after a worker had (with a reason).
  story('withdrawn', day(22, 8, 30), { service: 's-meal', household: 'h-yg-b', text: '给王大爷送一份午餐，少盐', window: [day(22, 11, 30), day(22, 12, 30)] }, [
    act.resident(day(22, 9), 'demo-resident', 'cancel', { reason: '今天女儿回来做饭了，不用送了' }),
  ]);
  story('cancelled', day(14, 10), { service: 's-cleaning', household: 'h-hp-a', text: '年前大扫除：厨房和卫生间', window: [day(13, 9), day(13, 11)] }, [
    act.dispatchPool(day(14, 10, 30), 't-general'),
    act.grab(day(14, 11), 't-general'),
    act.resident(day(14, 15), 'demo-resident-2', 'cancel', { reason: '家里临时有事要出门，改天再约' }),
  ]);

  // 退单: not the property's to fix; the resident is told where to go.
  story(
    'refused-water',
    day(11, 7, 10),
    { service: 's-repair-urgent', household: 'h-hp-a', text: '楼下主水管爆了，整栋楼停水', window: [day(11, 7, 10), day(11, 9, 10)] },
    [act.refuse(day(11, 7, 18), '属于市政供水管网，物业无权维修', '请拨打12345供水热线，物业已协助报修')],
  );
  story('refused-gas', day(26, 10, 20), { service: 's-errand', household: 'h-hp-b', text: '帮忙看一下燃气灶，打不着火', window: [day(26, 14), day(26, 17)] }, [
    act.refuse(day(26, 10, 40), '燃气设备须由燃气公司持证人员检修', '请拨打燃气公司客服电话预约上门'),
  ]);

  // Open at `until`, one or more in every open state.
  const soon = (h: number) => until + h * HOUR;
  story('open-confirm-care', ago(27), { service: 's-homecare', household: 'h-yg-b', text: '王大爷上门助浴，水温别太烫', window: [ago(24), ago(22)] }, [
    act.dispatchMember(ago(26, 30), 't-elder', 'demo-worker-2'),
    act.accept(ago(26)),
    act.start(ago(23, 55)),
    act.complete(ago(22), '已协助老人洗浴、更换衣物，皮肤无破损'),
  ]);
  story('open-confirm-urgent', ago(3), { service: 's-repair-urgent', household: 'h-hp-a', text: '卫生间跳闸，热水器不工作', window: [ago(3), ago(1)] }, [
    act.dispatchPool(ago(2, 52), 't-general'),
    act.grab(ago(2, 45), 't-general', 'demo-worker'),
    act.start(ago(2, 25)),
    act.complete(ago(1, 30), '更换漏电保护开关，热水器已恢复'),
  ]);
  story('open-service-cleaning', ago(20), { service: 's-cleaning', household: 'h-yg-a', text: '客厅和厨房保洁，油烟机要重点擦', window: [ago(1), soon(1)] }, [
    act.dispatchMember(ago(19), 't-general', 'demo-worker-3'),
    act.accept(ago(18, 30)),
    act.start(ago(0, 50)),
  ]);
  story(
    'open-service-care',
    ago(5),
    { service: 's-homecare', household: 'h-hp-a', text: '李叔术后行动不便，需要上门翻身和擦洗', window: [ago(1, 30), soon(0.5)] },
    [act.dispatchMember(ago(4, 40), 't-elder', 'demo-worker-2'), act.accept(ago(4, 20)), act.start(ago(1, 20))],
  );
  story('open-accepted', ago(4), { service: 's-repair', household: 'h-hp-a', text: '阳台晾衣架摇不动，钢丝好像断了', window: [soon(14), soon(16)] }, [
    act.dispatchPool(ago(3, 30), 't-general'),
    act.grab(ago(3), 't-general', 'demo-worker'),
  ]);
  // Not there when the start deadline passed: overdue and escalated; a 督办 to the worker, answered.
  story('open-late', ago(16), { service: 's-companion', household: 'h-yg-b', text: '陪王大爷去社区医院打针', window: [ago(5), soon(1)] }, [
    act.dispatchMember(ago(15, 30), 't-elder', 'demo-worker-2'),
    act.accept(ago(15)),
    act.instruct(ago(0, 50), 'worker', '陪护已超时未到场，请说明情况并尽快上门', 2),
    act.reply(ago(0, 30), HOLDER, 'worker', '家属改约稍晚出发，我已在路上，20分钟内到'),
  ]);
  story('open-offer', ago(1, 20), { service: 's-repair', household: 'h-hp-b', text: '书房柜门合页脱落', window: [soon(3), soon(5)] }, [
    act.dispatchMember(ago(0, 25), 't-general', 'demo-worker'),
  ]);
  story(
    'open-pool-elder',
    ago(1, 10),
    { service: 's-meal', household: 'h-yg-b', text: '明天中午给王大爷送一份午餐，饭要软一些', window: [soon(12), soon(13)] },
    [act.dispatchPool(ago(0, 35), 't-elder')],
  );
  story('open-pool-general', ago(2), { service: 's-cleaning', household: 'h-hp-b', text: '卫生间瓷砖缝发黑，需要深度清洁', window: [soon(20), soon(22)] }, [
    act.dispatchPool(ago(0, 30), 't-general'),
  ]);
  // Never dispatched: overdue up to the secretary, urged, complained about; a 督办 awaiting the dispatcher.
  story('open-stuck', ago(7), { service: 's-repair', household: 'h-yg-a', text: '防盗门把手松了，门锁不上', window: [ago(6), ago(2)] }, [
    act.resident(ago(4, 30), 'demo-resident', 'urge'),
    act.resident(ago(2, 30), 'demo-resident', 'complain', { text: '点单快5个小时了还没人派单，门一直锁不上' }),
    act.instruct(ago(0, 40), 'dispatcher', '已超时升级至社区书记，请立即派单并回复原因', 4),
  ]);
  story('open-fresh', ago(0, 25), { service: 's-errand', household: 'h-hp-a', text: '帮忙代买降压药和一袋大米', window: [soon(1), soon(4)] }, []);

  return stories;
}

/** An ordinary order of one day: every step inside its deadline, so the sweep has nothing to say about it. */
function ordinary(key: string, service: string, dayStart: Millis, rng: Rng, until: Millis): Story {
  const plan = PLANS[service]!;
  const sla = deadlinesOf(service);
  const team = TEAM_OF_CATEGORY[DEMO_DATA.serviceItems.find((s) => s.id === service)!.category]!;
  const household = rng.pick(plan.households);
  const resident = RESIDENT_OF[household]!;
  const minutes = (m: number) => Math.round(m) * MINUTE;
  const placedAt = dayStart + rng.int(plan.placedHours[0], plan.placedHours[1]) * HOUR + rng.int(0, 59) * MINUTE;
  const dispatchAt = placedAt + minutes(Math.max(2, rng.between(0.1, 0.5) * sla.dispatch));
  const byName = rng.chance(0.3);
  const acceptAt = dispatchAt + minutes(Math.max(2, rng.between(0.1, 0.6) * sla.accept));
  // The booked window; the worker arrives about when it starts, never later than the start deadline allows.
  const lead = minutes(rng.between(plan.leadHours[0], plan.leadHours[1]) * 60);
  const wishedFrom = lead === 0 ? placedAt : during(placedAt + lead, 8, 18, rng);
  const from = Math.min(wishedFrom, acceptAt + minutes(0.75 * sla.start));
  const window = { from, to: from + plan.windowHours * HOUR };
  const startAt = Math.min(Math.max(from + minutes(rng.between(-10, 15)), acceptAt + 5 * MINUTE), acceptAt + minutes(0.85 * sla.start));
  const completeAt = startAt + minutes(Math.min(rng.between(plan.workMinutes[0], plan.workMinutes[1]), 0.8 * sla.complete));
  // Residents confirm while awake, the supervisor calls back in office hours: still well inside the deadlines.
  const confirmAt = during(completeAt + minutes(rng.between(20, Math.min(30 * 60, 0.6 * sla.confirm))), 7, 22, rng);
  const poor = rng.chance(0.1);
  const star = () => (poor ? rng.int(2, 3) : rng.chance(0.75) ? 5 : 4);
  const stars = [star(), star(), star()] as const;
  const comment = poor ? rng.pick(POOR_COMMENTS) : rng.pick(GOOD_COMMENTS);
  const urgeAt = rng.chance(0.15) && acceptAt - placedAt > 20 * MINUTE ? placedAt + Math.round((acceptAt - placedAt) * 0.7) : null;
  const revisitAt = rng.chance(0.2) ? during(confirmAt + minutes(rng.between(18 * 60, 60 * 60)), 9, 17, rng) : null;
  const reached = rng.chance(0.85);

  const steps: Step[] = [
    byName ? act.dispatchMember(dispatchAt, team) : act.dispatchPool(dispatchAt, team),
    byName ? act.accept(acceptAt) : act.grab(acceptAt, team),
    act.start(startAt),
    act.complete(completeAt, rng.pick(plan.notes)),
    act.confirm(confirmAt, resident, stars, comment),
  ];
  if (urgeAt !== null) steps.splice(1, 0, act.resident(urgeAt, resident, 'urge'));
  if (revisitAt !== null && revisitAt < until - HOUR) {
    steps.push(act.revisit(revisitAt, reached, reached ? !poor : null, reached ? (poor ? '居民仍有意见，已转告物业整改' : '居民表示满意') : '电话无人接听'));
  }
  return { key, placedAt, booking: { service, household, text: rng.pick(plan.texts), window }, steps, id: null };
}

/** `t` if it falls between the China-time hours `open` and `close`, else a little after the next `open`. */
function during(t: Millis, open: number, close: number, rng: Rng): Millis {
  const hour = ((((t + CST) % DAY) + DAY) % DAY) / HOUR;
  if (hour >= open && hour < close) return t;
  const midnight = Math.floor((t + CST) / DAY) * DAY - CST;
  return midnight + (hour < open ? 0 : DAY) + open * HOUR + rng.int(0, 90) * MINUTE;
}

// ---------------------------------------------------------------------------------------------
// Playing the stories on a walked clock
// ---------------------------------------------------------------------------------------------

/** Plays the demo month into a store that holds the demo community and no orders yet, ending at `until`. */
export async function playDemoMonth(store: Store, until: Millis = Date.now()): Promise<DemoMonthReport> {
  const began = performance.now();
  const rng = seededRandom(SEED);
  const ids = seededRandom(SEED ^ 0x5eed);
  let now = until - 30 * DAY;
  const deps: Deps = {
    store,
    now: () => now,
    // Shaped like the server's own ids (prefix, time, random), but from the walked clock and a PRNG.
    newId: (prefix) => `${prefix}${now.toString(36)}${Array.from({ length: 8 }, () => Math.floor(ids.next() * 36).toString(36)).join('')}`,
  };
  const users = new Map(DEMO_DATA.users.map((u) => [u.id, u]));
  const teams = new Map(DEMO_DATA.teams.map((t) => [t.id, t]));
  const community = DEMO_DATA.communities[0]!;
  const stories = writeStories(until, rng);

  let requests = 0;
  let sweeps = 0;
  let lastSweep = -Infinity;

  async function call(user: string, event: Record<string, unknown>): Promise<Order | null> {
    const reply = (await FUNCTIONS.orders({ ...event, requestId: `demo-month-${++requests}` }, { devUserId: user }, deps)) as Envelope<{
      order: { id: string };
    }>;
    if (!reply.ok) {
      const when = new Date(now + CST).toISOString().slice(0, 16).replace('T', ' ');
      throw new Error(
        `demo month: ${String(event.action)} by ${user} at ${when}: ${reply.error.code} ${reply.error.message} ${JSON.stringify(reply.error.details ?? {})}`,
      );
    }
    return store.getOrder(reply.data.order.id);
  }

  /** A member of the team with room for one more order, the volunteer less often; never the resident who ordered. */
  async function teammateWithRoom(teamId: string, order: Order, except: string | null = null): Promise<string> {
    const members = teams.get(teamId)!.memberIds.filter((id) => id !== order.createdBy && id !== except);
    const open = await store.openOrdersOf(members);
    const free = members.filter((id) => users.get(id)!.onDuty && (open[id] ?? 0) < users.get(id)!.maxOpenOrders);
    const weighted = free.flatMap((id) => Array<string>(id === 'demo-worker-3' ? 1 : 3).fill(id));
    if (!weighted.length) throw new Error(`demo month: nobody in ${teamId} has room at ${new Date(now).toISOString()}`);
    return rng.pick(weighted);
  }

  async function run(s: Story, step: Step) {
    const order = (await store.getOrder(s.id!))!;
    const holder = order.assignment?.mode === 'member' ? order.assignment.workerId : null;
    const who = typeof step.who === 'string' ? step.who : 'holder' in step.who ? holder! : await teammateWithRoom(step.who.grabber, order);
    let input = typeof step.input === 'function' ? await step.input(order) : (step.input ?? {});
    if (input.workerId === PICK) input = { ...input, workerId: await teammateWithRoom(String(input.teamId), order) };
    if (input.workerId === OTHER) input = { ...input, workerId: await teammateWithRoom(String(input.teamId), order, holder) };
    await call(who, { action: step.action, role: step.role, orderId: order.id, version: order.version, input });
  }

  async function place(s: Story) {
    const { service, household, text, window } = s.booking;
    const order = await call(RESIDENT_OF[household]!, {
      action: 'create',
      order: { serviceItemId: service, householdId: household, description: text, timeWindow: window },
    });
    s.id = order!.id;
  }

  /**
   * Moves the clock to `t`, sweeping on the way as the server's per-minute timer would: at the first
   * whole minute after each moment something falls due (a stage deadline, an escalation, a 督办).
   */
  async function walkTo(t: Millis) {
    for (;;) {
      const due = (await store.listDueForSweep(t, 100)).items;
      const times = due.map((o) => nextSweepAt(o, community.settings.escalationMinutes * MINUTE)).filter((x): x is number => x !== null && x > lastSweep);
      if (!times.length) break;
      now = Math.max(now, Math.min(t, Math.ceil(Math.min(...times) / MINUTE) * MINUTE));
      await runSweep(deps);
      lastSweep = now;
      sweeps++;
    }
    now = Math.max(now, t);
  }

  // Every moment of every story, in time order (a story's own steps keep their order on ties).
  const moments = stories.flatMap((s, i) => [
    { at: s.placedAt, i, j: -1, go: () => place(s) },
    ...s.steps.map((step, j) => ({ at: step.at, i, j, go: () => run(s, step) })),
  ]);
  moments.sort((a, b) => a.at - b.at || a.i - b.i || a.j - b.j);
  const late = moments.find((m) => m.at > until);
  if (late) throw new Error(`demo month: story ${stories[late.i]!.key} acts after the end of the month`);
  for (const m of moments) {
    await walkTo(m.at);
    await m.go();
  }
  await walkTo(until);

  const states = Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;
  let events = 0;
  for (const s of stories) {
    const order = (await store.getOrder(s.id!))!;
    states[order.state]++;
    events += order.version;
  }
  return { orders: stories.length, events, sweeps, states, ms: Math.round(performance.now() - began) };
}
