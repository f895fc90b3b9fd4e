import { DAY, HOUR, MINUTE, serviceDeadlines, type Millis, type ServiceItem, type StageDeadlines } from '@core';
import type { SeededRandom } from '../../runtime/seeded-random';
import { DEMO_DATA } from '../demo-data';
import { GOOD_COMMENTS, PLANS, POOR_COMMENTS, RESIDENT_OF, teamOf } from './data';
import { act, type Booking, type Step, type Story } from './steps';

/**
 * The demo month's script: the story of each order, in the steps of steps.ts, at moments of China
 * time. Deadlines are the ones the core gives an order of the service; whether a step was late is
 * the sweep's to say, when the runner plays it.
 */

type Rng = SeededRandom;

/** China Standard Time: the community's days start at 00:00 UTC+8. */
const CST = 8 * HOUR;

/** The deadlines an order of this service will be given, as the core gives them. */
const deadlinesOf = (serviceId: string): StageDeadlines =>
  serviceDeadlines(DEMO_DATA.serviceItems.find((s) => s.id === serviceId) as ServiceItem, DEMO_DATA.communities[0]!.settings.defaultDeadlines);

/**
 * The month's stories. `day(k, h, m)` is h:m China time k days before `until`'s day; `ago(h)` is h hours
 * before `until`. Ordinary days come from the PRNG and are handled on time; the special stories show
 * one of each detour; the last ones leave open orders in every open state at `until`.
 */
export function writeStories(until: Millis, rng: Rng): Story[] {
  const midnight = Math.floor((until + CST) / DAY) * DAY - CST;
  const day = (k: number, h: number, m = 0) => midnight - k * DAY + h * HOUR + m * MINUTE;
  const ago = (h: number, m = 0) => until - h * HOUR - m * MINUTE;
  const stories: Story[] = [];
  const story = (key: string, placedAt: Millis, booking: Omit<Booking, 'window'> & { window: [Millis, Millis] }, steps: Step[]) => {
    stories.push({ key, placedAt, booking: { ...booking, window: { from: booking.window[0], to: booking.window[1] } }, steps });
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
    act.rework(day(19, 10, 30), 'demo-resident-2', '门锁用了一天又卡住，钥匙拧不动'),
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

  // Wanted as soon as possible, nobody accepted for three hours: overdue, escalated to the
  // supervisors, urged and complained about once late; the complaint answered.
  story('complaint', day(12, 8), { service: 's-homecare', household: 'h-yg-b', text: '王大爷需要上门助浴，水温别太烫', window: [day(12, 8), day(12, 11)] }, [
    act.dispatchMember(day(12, 8, 30), 't-elder'),
    act.urge(day(12, 10), 'demo-resident'),
    act.complain(day(12, 11), 'demo-resident', '约了上门助浴，等了一上午都没人接单'),
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

  // Ordered at night for as soon as possible, dispatched in the morning: escalated to the secretary
  // overnight; a 督办, answered. (Booked for the morning instead, it would not have been late.)
  story('night', day(9, 21, 30), { service: 's-errand', household: 'h-yg-a', text: '帮忙去药店买降压药和血压计电池', window: [day(9, 21, 30), day(8, 12)] }, [
    act.instruct(day(8, 7, 50), 'dispatcher', '夜间点单无人派单，已升级到书记，请上班后第一时间派出', 2),
    act.reply(day(8, 8, 20), 'dispatcher', '已安排队员上午送到；今后夜间点单由值班员次日8点前派出'),
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

  // 改约 by the resident; then the worker needs parts and proposes another time, which she accepts:
  // the wait is hers, not the team's, and nothing is late.
  story('reschedule', day(15, 9), { service: 's-repair', household: 'h-yg-a', text: '客厅吊灯一半不亮，开关有异响', window: [day(14, 9), day(14, 11)] }, [
    act.reschedule(day(15, 20), 'demo-resident', [day(13, 14), day(13, 16)], '明天上午要去医院复查'),
    act.dispatchMember(day(14, 9), 't-general', 'demo-worker'),
    act.accept(day(14, 9, 30)),
    act.proposeTime(day(13, 14, 10), '需要先买同型号灯管和开关面板', [day(12, 9), day(12, 11)]),
    act.acceptTime(day(13, 15), 'demo-resident'),
    act.start(day(12, 9, 10)),
    act.complete(day(12, 10), '更换灯管和开关面板，已试亮'),
    act.confirm(day(12, 18), 'demo-resident', [5, 5, 5], '改了两次时间，师傅都很配合'),
  ]);

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
    act.cancel(day(22, 9), 'demo-resident', '今天女儿回来做饭了，不用送了'),
  ]);
  story('cancelled', day(14, 10), { service: 's-cleaning', household: 'h-hp-a', text: '年前大扫除：厨房和卫生间', window: [day(13, 9), day(13, 11)] }, [
    act.dispatchPool(day(14, 10, 30), 't-general'),
    act.grab(day(14, 11), 't-general'),
    act.cancel(day(14, 15), 'demo-resident-2', '家里临时有事要出门，改天再约'),
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
    act.reply(ago(0, 30), 'worker', '家属改约稍晚出发，我已在路上，20分钟内到'),
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
    act.urge(ago(4, 30), 'demo-resident'),
    act.complain(ago(2, 30), 'demo-resident', '点单快5个小时了还没人派单，门一直锁不上'),
    act.instruct(ago(0, 40), 'dispatcher', '已超时升级至社区书记，请立即派单并回复原因', 4),
  ]);
  // Nobody home at the booked time: the worker proposed tomorrow, the order waits on the resident.
  story('open-waiting', ago(6), { service: 's-repair', household: 'h-hp-b', text: '卫生间门把手掉了', window: [ago(2), soon(1)] }, [
    act.dispatchMember(ago(5, 40), 't-general', 'demo-worker-3'),
    act.accept(ago(5, 20)),
    act.proposeTime(ago(1, 40), '上门时家中无人，电话未接通', [soon(21), soon(23)]),
  ]);
  story('open-fresh', ago(0, 25), { service: 's-errand', household: 'h-hp-a', text: '帮忙代买降压药和一袋大米', window: [soon(1), soon(4)] }, []);

  return stories;
}

/** An ordinary order of one day: every step inside its deadline, so the sweep has nothing to say about it. */
function ordinary(key: string, service: string, dayStart: Millis, rng: Rng, until: Millis): Story {
  const plan = PLANS[service]!;
  const sla = deadlinesOf(service);
  const team = teamOf(service);
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
  // An ordinary order is never late, so its resident is not offered 催单 (docs/metrics.md); the draw
  // that once chose an early urge stays, so the rest of the month plays as before.
  rng.chance(0.15);
  const revisitAt = rng.chance(0.2) ? during(confirmAt + minutes(rng.between(18 * 60, 60 * 60)), 9, 17, rng) : null;
  const reached = rng.chance(0.85);

  const steps: Step[] = [
    byName ? act.dispatchMember(dispatchAt, team) : act.dispatchPool(dispatchAt, team),
    byName ? act.accept(acceptAt) : act.grab(acceptAt, team),
    act.start(startAt),
    act.complete(completeAt, rng.pick(plan.notes)),
    act.confirm(confirmAt, resident, stars, comment),
  ];
  if (revisitAt !== null && revisitAt < until - HOUR) {
    steps.push(act.revisit(revisitAt, reached, reached ? !poor : null, reached ? (poor ? '居民仍有意见，已转告物业整改' : '居民表示满意') : '电话无人接听'));
  }
  return { key, placedAt, booking: { service, household, text: rng.pick(plan.texts), window }, steps };
}

/** `t` if it falls between the China-time hours `open` and `close`, else a little after the next `open`. */
function during(t: Millis, open: number, close: number, rng: Rng): Millis {
  const hour = ((((t + CST) % DAY) + DAY) % DAY) / HOUR;
  if (hour >= open && hour < close) return t;
  const midnight = Math.floor((t + CST) / DAY) * DAY - CST;
  return midnight + (hour < open ? 0 : DAY) + open * HOUR + rng.int(0, 90) * MINUTE;
}
