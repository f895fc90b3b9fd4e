import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_MINUTES } from '@backend/server/dev-routes';
import { START, useTestServer } from '../support/test-server';
import { dataOf, failure, supervisor } from '../support/scenario';

const MINUTE = 60_000;

describe('POST /api/dev/clock takes exactly {"minutes": <integer 1..525600>}', () => {
  const t = useTestServer();
  const move = (body: string) => t.request('/api/dev/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  it.each([
    ['minutes as a string', '{"minutes":"30"}'],
    ['minutes as true', '{"minutes":true}'],
    ['minutes as null', '{"minutes":null}'],
    ['minutes in an array', '{"minutes":[30]}'],
    ['a fraction', '{"minutes":1.5}'],
    ['zero', '{"minutes":0}'],
    ['backwards', '{"minutes":-30}'],
    ['more than a year', `{"minutes":${MAX_CLOCK_MINUTES + 1}}`],
    ['no minutes', '{}'],
    ['another field beside them', '{"minutes":30,"sweep":false}'],
    ['a bare number', '30'],
    ['an array', '[30]'],
    ['null', 'null'],
    ['an empty body', ''],
    ['not JSON', 'minutes=30'],
  ])('refuses %s with 400 and leaves the clock', async (_, body) => {
    const at = t.clock.now();
    const reply = await move(body);
    expect(failure(reply)).toEqual({ status: 400, code: 'INPUT.INVALID' });
    expect(reply.body.error.message).toMatch(/\p{Script=Han}/u);
    expect(t.clock.now()).toBe(at);
  });

  it('moves the clock by whole minutes, from one to a year, and sweeps at once', async () => {
    const at = t.clock.now();
    const one = dataOf(await move('{"minutes":1}'));
    expect(one.now).toBe(at + MINUTE);
    expect(one.sweep).toBeTypeOf('object');
    expect(dataOf(await move(`{"minutes":${MAX_CLOCK_MINUTES}}`)).now).toBe(at + MINUTE + MAX_CLOCK_MINUTES * MINUTE);
  });
});

describe('a moved clock publishes nothing ahead of the real calendar', () => {
  // The real calendar stands at START (2026-10-05); the dev clock is moved 60 days on, to 2026-12-04.
  const t = useTestServer({ realNow: START });
  const publish = (month: string) => t.call('statistics', { action: 'publish', role: 'supervisor', month }, supervisor.user);
  const sixtyDaysOn = () => t.request('/api/dev/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"minutes":86400}' });

  it('refuses a month that has not begun by the real calendar, though the moved clock has seen it end', async () => {
    dataOf(await sixtyDaysOn());
    expect(failure(await publish('2026-11'))).toEqual({ status: 409, code: 'ASSESSMENT.MONTH_NOT_OVER' });
    expect(await t.store.getRef('assessments', 'c-xingfuli:2026-11')).toBeNull();
  });

  it('refuses the real current month too, and publishes one the real calendar has finished', async () => {
    dataOf(await sixtyDaysOn());
    expect(failure(await publish('2026-10'))).toEqual({ status: 409, code: 'ASSESSMENT.MONTH_NOT_OVER' });
    expect(dataOf(await publish('2026-09')).publishedAt).toBe(t.clock.now());
  });
});
