import { DAY, HOUR, MINUTE, ORDER_STATES, TRANSITIONS, check, type ActionType, type Envelope, type Millis, type Order, type OrderState } from '@core';
import { FUNCTIONS } from '../functions/registry';
import { actorFor } from '../runtime/caller';
import type { Deps } from '../runtime/deps';
import { seededRandom } from '../runtime/seeded-random';
import type { Store } from '../storage/port';
import { runSweep } from '../usecases/sweep';
import { DEMO_DATA } from './demo-data';
import { RESIDENT_OF, TAKES_ORDERS } from './demo-month/data';
import type { Step, Story } from './demo-month/steps';
import { writeStories } from './demo-month/stories';

/**
 * A month in the life of the demo community, played through the real function handlers so that a
 * first start opens on something to look at: the 三率 board, the 晾晒 board, the 考核, the
 * dispatcher's inbox and the workers' lists all have orders, and every order has a genuine timeline.
 *
 * The runner: the data (demo-month/data.ts) and the script (demo-month/stories.ts, in the steps of
 * demo-month/steps.ts) say who does what when; this walks the clock from 30 days before `until` to
 * `until` and, at each moment, has the person act through `FUNCTIONS.orders` exactly as the app
 * would (reading the order's version first). It knows no rule of the lifecycle: who holds an order
 * is whoever the core's table lets act on it, a worker with room is one the core does not refuse,
 * and the sweep runs whenever the store's sweep index says something falls due, so the overdue
 * marks, escalations and the automatic close are the sweep's own. Everything is decided by a seeded
 * PRNG and the ids are derived from the walked clock and that PRNG: the same `until` gives the same
 * store, row for row.
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

const SEED = 20_261_101;

/** Refusals that are about the worker tried (off duty, no room, already theirs): the next one is tried. */
const aboutTheWorker = (code: string) => code.startsWith('WORKER.') || code === 'ORDER.SAME_ASSIGNEE';

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
  const stories = writeStories(until, rng);
  const orderIds = new Map<Story, string>();
  let requests = 0;
  let sweeps = 0;

  const when = (t: Millis) => new Date(t + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
  const userOf = (id: string) => {
    const user = users.get(id);
    if (!user) throw new Error(`demo month: no demo user ${id}`);
    return user;
  };
  /** The role in which a user takes an action: the first the core's table allows that they hold. */
  const roleFor = (id: string, action: ActionType) => TRANSITIONS[action].roles.find((r) => userOf(id).roles.includes(r)) ?? null;

  async function call(user: string, event: Record<string, unknown>) {
    return (await FUNCTIONS.orders({ ...event, requestId: `demo-month-${++requests}` }, { devUserId: user }, deps)) as Envelope<{ order: { id: string } }>;
  }

  /** Each user in each role, as the functions resolve them (the teams do not change during the month). */
  const actors = new Map<string, Awaited<ReturnType<typeof actorFor>>>();
  /** Whether the core's table lets `id` take the step's action on the order now, whatever the input. */
  async function mayTake(id: string, step: Step, order: Order): Promise<boolean> {
    const role = roleFor(id, step.action);
    if (!role) return false;
    const key = `${id} ${role}`;
    if (!actors.has(key)) actors.set(key, await actorFor(store, userOf(id), role));
    const actor = actors.get(key)!;
    return actor.ok && check(order, step.action, { now, actor: actor.value }).ok;
  }

  /** Who may take the step, in the order they are tried. */
  async function* takers(step: Step, order: Order): AsyncGenerator<string> {
    if ('user' in step.by) yield step.by.user;
    else if ('holder' in step.by) {
      const workers = DEMO_DATA.users.filter((u) => u.roles.includes('worker')).map((u) => u.id);
      const holders: string[] = [];
      for (const id of workers) if (await mayTake(id, step, order)) holders.push(id);
      if (holders.length !== 1) throw new Error(`demo month: ${step.action} at ${when(now)} has ${holders.length} workers who may take it`);
      yield holders[0]!;
    } else {
      for (const id of preference(step.by.memberOf, order)) if (await mayTake(id, step, order)) yield id;
    }
  }

  /** A team's members in the order they take what it offers, drawn one at a time by their weight; never the resident who ordered. */
  function* preference(teamId: string, order: Order): Generator<string> {
    const team = DEMO_DATA.teams.find((t) => t.id === teamId);
    let left = (team?.memberIds ?? []).filter((id) => id !== order.createdBy);
    while (left.length) {
      const next = rng.pick(left.flatMap((id) => Array<string>(TAKES_ORDERS[id] ?? 1).fill(id)));
      left = left.filter((id) => id !== next);
      yield next;
    }
  }

  /** Runs one step: the first taker (and, for a step that gives the order to a worker, the first member) the core accepts. */
  async function run(story: Story, step: Step) {
    const order = (await store.getOrder(orderIds.get(story)!))!;
    const refusals: string[] = [];
    for await (const by of takers(step, order)) {
      for (const member of step.picks ? preference(step.picks, order) : [null]) {
        const input = step.input(order, member);
        const reply = await call(by, { action: step.action, role: roleFor(by, step.action), orderId: order.id, version: order.version, input });
        if (reply.ok) return;
        const refusal = `${by}${member ? ` → ${member}` : ''}: ${reply.error.code} ${reply.error.message}`;
        if (!aboutTheWorker(reply.error.code)) throw new Error(`demo month: ${story.key} ${step.action} at ${when(now)} refused (${refusal})`);
        refusals.push(refusal);
      }
    }
    throw new Error(`demo month: nobody could take ${story.key} ${step.action} at ${when(now)} (${refusals.join('; ') || 'none may'})`);
  }

  async function place(story: Story) {
    const { service, household, text, window } = story.booking;
    const reply = await call(RESIDENT_OF[household]!, {
      action: 'create',
      order: { serviceItemId: service, householdId: household, description: text, timeWindow: window },
    });
    if (!reply.ok) throw new Error(`demo month: ${story.key} placed at ${when(now)} refused: ${reply.error.code} ${reply.error.message}`);
    orderIds.set(story, reply.data.order.id);
  }

  /** Whether the store's sweep index holds anything due at `t`. */
  const dueBy = async (t: Millis) => (await store.listDueForSweep(t, 1)).items.length > 0;

  /**
   * Moves the clock to `t`, sweeping on the way as the server's per-minute timer would: at each first
   * whole minute by which the sweep index says something falls due (a stage deadline, an escalation,
   * a 督办), found by halving the span, so the runner computes no deadline of its own.
   */
  async function walkTo(t: Millis) {
    while (await dueBy(t)) {
      let clear = Math.floor(now / MINUTE);
      let due = Math.ceil(t / MINUTE);
      while (due - clear > 1) {
        const mid = Math.floor((clear + due) / 2);
        if (await dueBy(mid * MINUTE)) due = mid;
        else clear = mid;
      }
      now = Math.max(now, Math.min(due * MINUTE, t));
      await runSweep(deps);
      sweeps++;
      if (await dueBy(now)) throw new Error(`demo month: the sweep at ${when(now)} left orders due`);
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
    const order = (await store.getOrder(orderIds.get(s)!))!;
    states[order.state]++;
    events += order.version;
  }
  return { orders: stories.length, events, sweeps, states, ms: Math.round(performance.now() - began) };
}
