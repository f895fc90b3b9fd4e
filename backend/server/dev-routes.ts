import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, ok, statusOf, type AppError, type Result } from '@core';
import type { OutboxEntry } from '../messaging/local-sender';
import type { Deps } from '../runtime/deps';
import { readBody, refusal, sendJson } from './http-io';

/**
 * Dev mode's own controls, for demos and browser tests on one machine. Present at all, the server
 * is in dev mode (the demo identity and `/api/dev/users`); the clock route also needs both of these.
 */
export interface DevMode {
  /** Moves the server's clock forward; the offset lives in memory only. */
  readonly advanceClock?: (ms: number) => void;
  readonly sweepNow?: () => Promise<unknown>;
  /** What the simulated subscribe-message sender has sent, newest first (GET /api/dev/outbox). */
  readonly outbox?: () => readonly OutboxEntry[];
}

/** A year: enough to walk any deadline, escalation or month end past. */
export const MAX_CLOCK_MINUTES = 525_600;
const invalid = (details: Readonly<Record<string, string>>) => err(refusal('INPUT.INVALID', details));
const CLOCK_RULE = `应为 1 到 ${MAX_CLOCK_MINUTES} 之间的整数（分钟）`;

/** The minutes in a `POST /api/dev/clock` body: exactly `{"minutes": <integer 1..525600>}`, nothing coerced. */
export function clockMinutes(text: string): Result<number, AppError> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid({ '(root)': '不是合法的 JSON' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid({ '(root)': '应为 {"minutes": 分钟数}' });
  const extra = Object.keys(body).filter((key) => key !== 'minutes');
  if (extra.length) return invalid(Object.fromEntries(extra.map((key) => [key, '不认识的字段'])));
  const { minutes } = body as { minutes?: unknown };
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_CLOCK_MINUTES) {
    return invalid({ minutes: CLOCK_RULE });
  }
  return ok(minutes);
}

const failure = (res: ServerResponse, error: AppError) => sendJson(res, statusOf(error.code), { ok: false, error });

/** Answers `/api/dev/*` in dev mode; false for any other path or method (the caller answers 404). */
export async function serveDev(req: IncomingMessage, res: ServerResponse, pathname: string, deps: Deps, dev: DevMode): Promise<boolean> {
  if (pathname === '/api/dev/users' && req.method === 'GET') {
    const users = await deps.store.listRefs('users');
    sendJson(res, 200, { ok: true, data: { users: users.map(({ id, name, roles }) => ({ id, name, roles })) } });
    return true;
  }
  if (pathname === '/api/dev/outbox' && req.method === 'GET' && dev.outbox) {
    sendJson(res, 200, { ok: true, data: { items: dev.outbox() } });
    return true;
  }
  if (pathname === '/api/dev/clock' && req.method === 'POST' && dev.advanceClock && dev.sweepNow) {
    const minutes = clockMinutes((await readBody(req, 1024)).toString('utf8'));
    if (!minutes.ok) {
      failure(res, minutes.error);
      return true;
    }
    dev.advanceClock(minutes.value * 60_000);
    const sweep = await dev.sweepNow();
    sendJson(res, 200, { ok: true, data: { now: deps.now(), sweep } });
    return true;
  }
  return false;
}
