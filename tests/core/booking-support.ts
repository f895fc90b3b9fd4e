import { createOrder, decide, sweepOrder, type Community, type OrderAction, type Order, type ServiceItem, type StageDeadlines, type TimeWindow } from '@core';
import { ACTORS, world } from './fixtures';

/** Short deadlines, minutes: what the booked-time specs count from. */
export const SLA: StageDeadlines = { dispatch: 120, accept: 60, start: 60, complete: 240, confirm: 4320 };
export const TRAVEL = 30;
export const MIN = 60_000;
/** A moment in China time (UTC+8), as residents read the booking. */
export const china = (y: number, month: number, d: number, h: number, m = 0) => Date.UTC(y, month - 1, d, h - 8, m);

export const community: Community = {
  id: 'c1',
  name: '幸福里社区',
  secretaryUserId: 'secretary',
  settings: { defaultDeadlines: SLA, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: 120, travelMinutes: TRAVEL },
};

const item: ServiceItem = {
  id: 's1',
  communityId: 'c1',
  name: '上门助浴',
  category: 'homecare',
  description: '',
  redPriceFen: 3000,
  marketPriceFen: 8000,
  unit: '次',
  deadlines: null,
  active: true,
};

/** 点单 through the core, at `placedAt`, for `window`. */
export function place(placedAt: number, window: TimeWindow): Order {
  const r = createOrder(
    {
      serviceItemId: 's1',
      householdId: 'h1',
      description: '老人洗澡需要帮忙',
      timeWindow: window,
      photos: [],
      contactName: undefined,
      contactPhone: undefined,
    },
    {
      now: placedAt,
      actor: ACTORS.resident,
      id: 'o1',
      item,
      household: { id: 'h1', communityId: 'c1', compoundId: 'cp1', buildingId: 'b1', door: '2单元301', contactName: '张秀兰', contactPhone: '13800001111' },
      compound: { id: 'cp1', communityId: 'c1', name: '阳光小区', companyId: 'pc1' },
      building: { id: 'b1', compoundId: 'cp1', name: '1号楼' },
      defaultDeadlines: SLA,
      travelMinutes: TRAVEL,
      photoUploaded: () => true,
      partyMember: undefined,
    },
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value.order;
}

/** One action at `at`, which must succeed. */
export function act(o: Order, at: number, role: keyof typeof ACTORS, action: OrderAction): Order {
  const r = decide(o, action, o.version, world(ACTORS[role], { now: at }));
  if (!r.ok) throw new Error(`${action.type}: ${r.error.code}`);
  return r.value.order;
}

/** The error code of an action at `at`, or 'ok'. */
export function codeOf(o: Order, at: number, role: keyof typeof ACTORS, action: OrderAction): string {
  const r = decide(o, action, o.version, world(ACTORS[role], { now: at }));
  return r.ok ? 'ok' : r.error.code;
}

/** Whether the sweep at `at` finds the order's current stage late. */
export const lateAt = (o: Order, at: number): boolean => sweepOrder(o, community, at)?.events.some((e) => e.action === 'overdue') ?? false;

export const dispatched = (o: Order, at: number) => act(o, at, 'dispatcher', { type: 'dispatch', input: { teamId: 't1', workerId: 'worker' } });
export const accepted = (o: Order, at: number) => act(dispatched(o, at), at, 'worker', { type: 'accept', input: {} });
export const started = (o: Order, at: number) => act(o, at, 'worker', { type: 'start', input: {} });
