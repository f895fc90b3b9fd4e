import { DAY, HOUR, MINUTE, type ActionInputRequest, type ActionType, type Envelope, type Millis, type ServiceItem, type ServiceTeam } from '@core';
import { FUNCTIONS } from '../functions/registry';
import type { Deps } from '../runtime/deps';
import type { Store } from '../storage/port';
import { runSweep } from '../usecases/sweep';
import { DEMO_DATA } from './demo-data';

const C = DEMO_DATA.communities[0]!.id;

/** The community's 党员志愿服务队 and the free service it offers (the admin's to add; the demo adds them). */
export const DEMO_VOLUNTEER_TEAM: ServiceTeam = {
  id: 't-volunteer',
  communityId: C,
  companyId: null,
  name: '党员志愿服务队',
  categories: ['companion', 'other'],
  memberIds: [],
  volunteer: true,
  dispatchMode: 'dispatcher',
};
export const DEMO_VOLUNTEER_VISIT: ServiceItem = {
  id: 's-volunteer-visit',
  communityId: C,
  name: '志愿探访陪伴',
  category: 'companion',
  description: '在职党员上门陪老人聊天、读报、帮忙看药品说明，免费',
  redPriceFen: 0,
  marketPriceFen: 0,
  unit: '次',
  deadlines: null,
  active: true,
  payment: 'free',
  volunteer: true,
};

/** China Standard Time: a month starts at 00:00 UTC+8. */
const CST = 8 * HOUR;
const monthStart = (t: Millis) => {
  const d = new Date(t + CST);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - CST;
};

/**
 * 在职党员报到 in the demo (issue 13), played after the month through the real handlers: 李建国, a
 * party member working at the power company, registers with the community where he lives (and so
 * becomes a worker of the 党员志愿服务队); he serves three free visits to 王德福 (ordered for him by
 * 张秀兰, 代办), each dispatched, accepted, served on site and rated, so the supervisor's 志愿服务时长 has
 * hours on a first start. The latest falls in the month of `until` whenever the month is more than a
 * few hours old. (孙志远, the month's volunteer worker, ends it holding his cap: he could take no more.)
 */
export async function playDemoVolunteers(store: Store, until: Millis = Date.now()): Promise<{ orders: number }> {
  await store.putRefs('teams', [DEMO_VOLUNTEER_TEAM]);
  await store.putRefs('serviceItems', [DEMO_VOLUNTEER_VISIT]);
  let now = until - 21 * DAY;
  let ids = 0;
  let n = 0;
  const deps: Deps = { store, now: () => now, newId: (prefix) => `${prefix}${now.toString(36)}vol${(++ids).toString(36).padStart(4, '0')}` };
  const at = async (t: Millis) => {
    now = Math.max(now, t);
    await runSweep(deps);
  };
  const call = async <T>(fn: 'session' | 'orders', user: string, event: Record<string, unknown>): Promise<T> => {
    const once = fn === 'orders' ? { requestId: `demo-volunteer-${++n}` } : {};
    const reply = (await FUNCTIONS[fn]({ ...event, ...once }, { devUserId: user }, deps)) as Envelope<T>;
    if (!reply.ok) throw new Error(`demo 志愿服务: ${fn}.${String(event.action)} by ${user} refused: ${reply.error.code} ${reply.error.message}`);
    return reply.data;
  };
  const act = async <A extends ActionType>(user: string, role: string, id: string, action: A, input: ActionInputRequest<A>) => {
    const order = await store.getOrder(id);
    await call('orders', user, { action, role, orderId: id, version: order!.version, input });
  };

  await call('session', 'demo-resident-2', { action: 'volunteer', skills: '陪老人聊天、修小电器、读报', workplace: '市供电公司' });

  // The latest visit two days back, unless the month is younger: then early in it (or, in its first hours, the last).
  const latest = Math.max(until - 2 * DAY, Math.min(monthStart(until) + 10 * MINUTE, until - 5 * HOUR));
  const visits: [Millis, number, string][] = [
    [until - 17 * DAY, 90, '陪王大爷聊了天，帮他整理了药盒'],
    [until - 9 * DAY, 120, '读报一小时，帮忙看了降压药说明'],
    [latest, 60, '陪王大爷下楼散步半小时'],
  ];
  for (const [placedAt, minutes, notes] of visits) {
    await at(placedAt);
    const { order } = await call<{ order: { id: string } }>('orders', 'demo-resident', {
      action: 'create',
      order: {
        serviceItemId: DEMO_VOLUNTEER_VISIT.id,
        householdId: 'h-yg-b',
        description: '王大爷一个人在家，想有人陪他说说话',
        timeWindow: { from: placedAt + HOUR, to: placedAt + 3 * HOUR },
      },
    });
    await at(placedAt + 10 * MINUTE);
    await act('demo-dispatcher', 'dispatcher', order.id, 'dispatch', { teamId: DEMO_VOLUNTEER_TEAM.id, workerId: 'demo-resident-2' });
    await at(placedAt + 20 * MINUTE);
    await act('demo-resident-2', 'worker', order.id, 'accept', {});
    await at(placedAt + HOUR);
    await act('demo-resident-2', 'worker', order.id, 'start', {});
    await at(placedAt + HOUR + minutes * MINUTE);
    await act('demo-resident-2', 'worker', order.id, 'complete', { notes });
    await at(placedAt + HOUR + minutes * MINUTE + 30 * MINUTE);
    await act('demo-resident', 'resident', order.id, 'confirm', { attitude: 5, timeliness: 5, quality: 5, comment: '小李很耐心，王大爷很高兴' });
  }
  return { orders: visits.length };
}
