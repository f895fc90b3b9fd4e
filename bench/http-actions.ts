/**
 * Each action over HTTP under concurrent clients, with autocannon on loopback: first N creates, then
 * N dispatches of the orders just created, N grabs of those, and so on to confirm; then 5N list
 * and 5N get reads (READ_PASSES). Every request is a real, valid action on its own order (no errors
 * expected; any non-200 is counted). Bounded by count (N per action) and time (maxSeconds per action).
 *
 * Each action is a new autocannon run with 50 fresh connections; the server, busy with the
 * connections it already serves, takes new ones up one at a time, so a connection's first request
 * can wait hundreds of ms. That start-up is reported apart (firstOnConnection); `latency` is the
 * steady state, every later request.
 */
import autocannon from 'autocannon';
import { processCpuSeconds, threadCpuSeconds } from './lib/machine';
import type { ServerProc } from './lib/server-proc';
import { summarize, type Latency } from './lib/stats';
import { ACTIONS, PEOPLE, personOf, step, WRITES, type LoopAction } from './lib/world';

export interface ActionLoad {
  readonly action: LoopAction;
  readonly requests: number;
  readonly errors: number;
  readonly firstError: string | null;
  readonly perSecond: number;
  readonly seconds: number;
  /** Steady state: every request but the first on each connection. */
  readonly latency: Latency;
  /** The first request on each of the fresh connections: it also waits for the busy server to take the connection up. */
  readonly firstOnConnection: Latency;
  /** Share of one core the server process used while serving this action (1 = CPU-bound). */
  readonly serverCpu: number | null;
  /** The server process's CPU time (all its threads, not capped at one core) per request, in ms. */
  readonly serverCpuMsPerRequest: number | null;
  /** Of that, its main thread's (the JavaScript) and its other threads' (V8 compiling and collecting garbage). */
  readonly serverThreadsMsPerRequest: { readonly main: number; readonly other: number } | null;
  /** Share of one core the load tool (this process) used meanwhile: near 1, the client limits the rate. */
  readonly clientCpu: number;
}

interface Held {
  readonly id: string;
  readonly version: number;
  readonly i: number;
}

/** Runs one action `amount` times over `connections` connections; `next` supplies each request's order. */
async function blast(
  server: ServerProc,
  action: LoopAction,
  connections: number,
  amount: number,
  maxSeconds: number,
  next: () => Held | null,
  done: (h: Held) => void,
) {
  const latencies: number[] = [];
  const firsts: number[] = [];
  const connected = new Set<unknown>();
  let first = Infinity;
  let last = 0;
  let errors = 0;
  let spare = 0;
  let firstError: string | null = null;
  const cpu0 = processCpuSeconds(server.pid);
  const threads0 = threadCpuSeconds(server.pid);
  const client0 = process.cpuUsage();
  const options = {
    url: server.url,
    connections,
    pipelining: 1,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: any, context: any) => {
          const held = next();
          context.spare = !held;
          first = Math.min(first, performance.now());
          if (!held) spare++;
          const s = held ? step(action, held.i, held.id, held.version) : step('list', 0, '', 0);
          return {
            ...req,
            path: `/api/functions/${s.fn}`,
            headers: { 'content-type': 'application/json', 'x-dev-user': s.user },
            body: JSON.stringify(s.event),
          };
        },
        onResponse: (status: number, body: string, context: any) => {
          if (context.spare) return;
          last = Math.max(last, performance.now());
          if (status !== 200) {
            errors++;
            firstError ??= `${status} ${body.slice(0, 160)}`;
            return;
          }
          if (!WRITES.includes(action)) return; // reads: nothing to carry forward, so no need to parse
          const order = (JSON.parse(body) as { data: { order?: { id: string; version: number; createdBy: string } } }).data.order;
          if (order) done({ id: order.id, version: order.version, i: personOf(order.createdBy) });
        },
      },
    ],
  };
  const result = await new Promise<{ errors: number; timeouts: number }>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(res);
    });
    const timer = setTimeout(() => instance.stop(), maxSeconds * 1000);
    // autocannon's own time of each request (written → answered), told apart by connection.
    instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
      (connected.has(client) ? latencies : firsts).push(ms);
      connected.add(client);
    });
  });
  const cpu1 = processCpuSeconds(server.pid);
  const threads1 = threadCpuSeconds(server.pid);
  const requests = latencies.length + firsts.length;
  const client = process.cpuUsage(client0);
  // From the first request sent to the last answer: autocannon itself only stops on a 1 s tick,
  // and the server is idle after the last answer, so its CPU share is over this span too.
  const seconds = (last - first) / 1000;
  const byThread =
    threads0 && threads1 ? { main: (1000 * (threads1.main - threads0.main)) / requests, other: (1000 * (threads1.other - threads0.other)) / requests } : null;
  // The threads' own clocks where there are (nanoseconds), else the process's ticks: one clock for both figures.
  const cpuMs = byThread ? (byThread.main + byThread.other) * requests : cpu0 !== null && cpu1 !== null ? 1000 * (cpu1 - cpu0) : null;
  return {
    action,
    samples: latencies,
    requests,
    errors: errors + (result.errors ?? 0) + (result.timeouts ?? 0),
    firstError: firstError ?? (spare > connections * 2 ? `${spare} spare requests built` : null),
    perSecond: requests / seconds,
    seconds,
    latency: summarize(latencies),
    firstOnConnection: summarize(firsts),
    serverCpu: cpuMs !== null && seconds > 0 ? Math.min(1, cpuMs / 1000 / seconds) : null,
    serverCpuMsPerRequest: cpuMs === null ? null : cpuMs / requests,
    serverThreadsMsPerRequest: byThread,
    clientCpu: seconds > 0 ? Math.min(1, (client.user + client.system) / 1e6 / seconds) : 0,
  } satisfies ActionLoad & { samples: number[] };
}

/**
 * Reads run this many times as many requests as a write (gets cycle over the orders created): a
 * read takes a fifth of a write's time, and a phase of a quarter of a second, clock ticks of 10 ms
 * and fifty connections opening inside it measured the opening more than the reads.
 */
const READ_PASSES = 5;

export interface HttpActions {
  readonly actions: ActionLoad[];
  /** Every write request of every action together (steady state): the latency of "one transition". */
  readonly writes: Latency;
}

/**
 * Unmeasured passes of the whole sequence before the measured one. A server that runs all day has
 * compiled its code long ago; after one pass it had not: instruction counts under callgrind
 * (docs/performance.md) put a fifth of a create's instructions in V8's optimizing compiler after
 * 2,000 creates, and about a tenth after 6,000, where they settle.
 */
export const WARM_PASSES = 3;

/**
 * Every action of the loop, in order, each `perAction` times under `connections` clients, on a warm
 * server: the whole sequence runs WARM_PASSES times unmeasured first with `warmUp` requests per
 * action. A phase lasts about a second, and a cold one spent up to a third of its CPU in V8
 * compiling the action's newly hot code on its background threads, which a server running all day
 * pays once.
 */
export async function httpActions(server: ServerProc, connections: number, perAction: number, maxSeconds: number, warmUp = perAction): Promise<HttpActions> {
  if (warmUp > 0) for (let pass = 0; pass < WARM_PASSES; pass++) await eachAction(server, connections, warmUp, maxSeconds);
  return eachAction(server, connections, perAction, maxSeconds);
}

async function eachAction(server: ServerProc, connections: number, perAction: number, maxSeconds: number): Promise<HttpActions> {
  const results: ActionLoad[] = [];
  const writeSamples: number[] = [];
  let held: Held[] = [];
  let created: Held[] = [];
  let k = 0;
  // Creates need no order: person k % 50 places one.
  const createQueue = () => ({ id: '', version: 0, i: k++ % PEOPLE });
  for (const action of ACTIONS) {
    let cursor = 0;
    const next =
      action === 'create'
        ? createQueue
        : action === 'list'
          ? () => ({ id: '', version: 0, i: 0 })
          : action === 'get'
            ? () => created[cursor++ % created.length] ?? null
            : () => held[cursor++] ?? null;
    const produced: Held[] = [];
    // A connection builds its next request before it knows the run is over, so each phase leaves one
    // order per connection unsent: create enough that the last transition still runs `perAction` times.
    const amount = WRITES.includes(action)
      ? action === 'create'
        ? perAction + 5 * connections
        : Math.min(perAction + 5 * connections, held.length - connections)
      : READ_PASSES * perAction;
    const { samples, ...load } = await blast(server, action, connections, amount, maxSeconds, next, (h) => produced.push(h));
    results.push(load);
    if (WRITES.includes(action)) writeSamples.push(...samples);
    if (action === 'create') created = produced;
    if (action !== 'list' && action !== 'get') held = produced;
  }
  return { actions: results, writes: summarize(writeSamples) };
}
