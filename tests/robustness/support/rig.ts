import { ERRORS, type Envelope, type ErrorCode, type OrderView } from '@core';
import type { Caller } from '@backend/runtime/caller';
import { timeOrderedId, type Deps } from '@backend/runtime/deps';
import { runSweep } from '@backend/usecases/sweep';
import type { Store } from '@backend/storage/port';
import { requestId } from '../../support/scenario';
import { startTestServer } from '../../support/test-server';
import { openWorld } from './world';

export { requestId };

/** What a call answered, whichever way it travelled: the HTTP status (or the code's status in-process) and the envelope. */
export interface Answer {
  readonly status: number;
  readonly body: Envelope<any>;
}

/**
 * The demo community behind either the handlers in-process or the real local server, with the
 * scheduled sweep wired to the same store and clock: the same scenario runs both ways, and a race
 * can pit people against the sweep.
 */
export interface Rig {
  readonly name: 'in-process' | 'over HTTP';
  readonly dir: string;
  readonly store: Store;
  now(): number;
  advance(ms: number): void;
  /** Calls a function as a demo user (by id) or as an explicit caller. */
  call(fn: string, event: unknown, who: string | Caller): Promise<Answer>;
  sweep(): ReturnType<typeof runSweep>;
  close(): Promise<void>;
}

export async function inProcessRig(): Promise<Rig> {
  const w = await openWorld();
  return {
    name: 'in-process',
    dir: w.dir,
    store: w.store,
    now: w.now,
    advance: w.advance,
    async call(fn, event, who) {
      const body = await w.call(fn, event, who);
      return { status: body.ok ? 200 : (ERRORS[body.error.code as ErrorCode]?.status ?? 599), body };
    },
    sweep: () => runSweep(w.deps),
    close: w.close,
  };
}

export async function httpRig(): Promise<Rig> {
  const t = await startTestServer();
  const deps: Deps = {
    get store() {
      return t.store;
    },
    now: t.clock.now,
    newId: (prefix) => timeOrderedId(prefix, t.clock.now()),
  };
  return {
    name: 'over HTTP',
    dir: t.dataDir,
    get store() {
      return t.store;
    },
    now: t.clock.now,
    advance: t.clock.advance,
    call: (fn, event, who) => t.call(fn, event, typeof who === 'string' ? who : who && 'devUserId' in who ? who.devUserId : null),
    sweep: () => runSweep(deps),
    close: () => t.close(),
  };
}

/** Both rigs, for `describe.each`. */
export const RIGS = [
  ['in-process', inProcessRig],
  ['over HTTP', httpRig],
] as const;

/** The orders function in the app's words over a rig, by user id and role. */
export function desk(r: Rig) {
  const orderOf = (a: Answer): OrderView => {
    if (a.status !== 200 || !a.body.ok) throw new Error(`expected success, got ${a.status} ${JSON.stringify(a.body)}`);
    return a.body.data.order as OrderView;
  };
  const create = (user = 'demo-resident', householdId = 'h-yg-a', serviceItemId = 's-repair', rid = requestId('create')) =>
    r.call(
      'orders',
      {
        action: 'create',
        requestId: rid,
        order: { serviceItemId, householdId, description: '厨房水龙头漏水', timeWindow: { from: r.now(), to: r.now() + 2 * 3_600_000 } },
      },
      user,
    );
  const act = (
    user: string,
    role: string,
    order: { id: string; version: number },
    action: string,
    input: Record<string, unknown> = {},
    rid = requestId(action),
  ) => r.call('orders', { action, role, orderId: order.id, version: order.version, requestId: rid, input }, user);
  return {
    create,
    act,
    /** 点单 that must succeed: the order as its resident sees it. */
    place: async (user?: string, householdId?: string, serviceItemId?: string) => orderOf(await create(user, householdId, serviceItemId)),
    /** A 诉求 raised by 张秀兰 for her household, that must succeed. */
    raise: async (user = 'demo-resident', householdId = 'h-yg-a') =>
      orderOf(
        await r.call(
          'grievances',
          {
            action: 'create',
            requestId: requestId('raise'),
            grievance: { category: 'facility', householdId, description: '1号楼北侧路灯不亮', place: '1号楼北侧' },
          },
          user,
        ),
      ),
    /** One action that must succeed, on the version the caller last saw: the order after it. */
    step: async (user: string, role: string, order: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) =>
      orderOf(await act(user, role, order, action, input)),
  };
}
