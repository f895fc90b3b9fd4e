import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionName } from '@core';
import { timeOrderedId, type Deps } from '@backend/runtime/deps';
import { deliveriesSettled } from '@backend/messaging/deliver';
import { localMessaging } from '@backend/messaging/local-messaging';
import type { Limits } from '@backend/runtime/rate-limit';
import { createServer } from '@backend/server/http-server';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { runSweep } from '@backend/usecases/sweep';
import type { Store } from '@backend/storage/port';
import { perTest } from './per-test';
import { dumpStore } from './store-file';

/** 2026-10-05 09:00 China time: the moment every test server starts at. */
export const START = Date.UTC(2026, 9, 5, 1, 0);

/** What an HTTP call answered: the status and the parsed JSON body (the envelope). */
export interface Reply<T = any> {
  readonly status: number;
  readonly body: T;
}

export interface TestServer {
  /** http://127.0.0.1:<port>; changes on restart. */
  readonly url: string;
  readonly dataDir: string;
  /** The store the running server uses (replaced on restart). */
  readonly store: Store;
  /** The server's clock: frozen unless a test moves it. */
  readonly clock: { now(): number; advance(ms: number): void };
  /** POST /api/functions/<fn> with a JSON event, as `user` (the X-Dev-User header) or as nobody. */
  call<T = any>(fn: FunctionName | string, event: unknown, user?: string | null): Promise<Reply<T>>;
  /** Any request, for raw bodies, odd headers and the GET routes. */
  request<T = any>(pathname: string, init?: RequestInit): Promise<Reply<T>>;
  /** Every row of every table, read through a separate read-only connection: compare two to prove nothing was written. */
  dump(): string;
  /** Stops the server and closes the store, then opens both again on the same data dir. */
  restart(): Promise<void>;
  /** Stops everything and deletes the data dir. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly limits?: Limits;
  readonly start?: number;
  /** Dev mode (X-Dev-User, /api/dev/*, the dev clock moving `clock`), as `npm start` runs; on unless false. */
  readonly dev?: boolean;
  /** The real calendar, when a test moves the clock past it (publishing goes by both). */
  readonly realNow?: number;
  /** The H5 build to serve; none by default (the placeholder page). */
  readonly h5Dir?: string;
}

/**
 * The real local server, in-process, on an ephemeral port, over a fresh temp data dir seeded with the
 * demo community, in dev mode unless told otherwise. Ids come from the production generator; rate
 * limits are off unless given.
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-http-'));
  let now = opts.start ?? START;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  let store: Store;
  // The simulated sender with stand-in templates, as the local server runs it.
  const messages = localMessaging(clock.now, {});
  let server: http.Server;
  let url = '';

  async function open(seed: boolean) {
    store = openSqliteStore(dataDir);
    if (seed) await seedDemo(store);
    const realNow = opts.realNow;
    const deps: Deps = {
      store,
      now: clock.now,
      realNow: realNow === undefined ? undefined : () => realNow,
      newId: (prefix) => timeOrderedId(prefix, clock.now()),
      limits: opts.limits,
      messaging: messages,
    };
    const dev = opts.dev === false ? undefined : { advanceClock: clock.advance, sweepNow: () => runSweep(deps), outbox: messages.sender.outbox };
    server = createServer({ deps, h5Dir: opts.h5Dir ?? path.join(dataDir, 'no-h5'), filesDir: path.join(dataDir, 'files'), dev });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function stop() {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    await deliveriesSettled(messages);
    await store.close();
  }

  async function request<T>(pathname: string, init: RequestInit = {}): Promise<Reply<T>> {
    const res = await fetch(url + pathname, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (a file): keep the text
    }
    return { status: res.status, body: body as T };
  }

  await open(true);
  return {
    get url() {
      return url;
    },
    dataDir,
    get store() {
      return store;
    },
    clock,
    call: (fn, event, user) =>
      request(`/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(user ? { 'X-Dev-User': user } : {}) },
        body: JSON.stringify(event),
      }),
    request,
    dump: () => dumpStore(dataDir),
    async restart() {
      await stop();
      await open(false);
    },
    async close() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh test server for each test of the file (or describe): started before it, closed after it.
 * Limits are given as a factory (`defaultLimits`), since limiters keep counts: each test gets its own.
 */
export const useTestServer = (opts: Omit<TestServerOptions, 'limits'> & { limits?: () => Limits } = {}): TestServer =>
  perTest(() => startTestServer({ ...opts, limits: opts.limits?.() }));
