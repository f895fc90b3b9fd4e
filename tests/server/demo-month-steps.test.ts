import { describe, expect, it } from 'vitest';
import type { Order } from '@core';
import { act, step } from '@backend/server/demo-month/steps';

/**
 * The demo month's script is written in the core's own actions: each step carries its action's input
 * type, so a story with a wrong input is a compile error (`npm run typecheck` checks the
 * `@ts-expect-error` lines below), not a refusal half-way through playing the month.
 */
const order = { version: 4, instructions: [], complaints: [] } as unknown as Order;
const by = { user: 'demo-dispatcher' };

describe('a step of the demo month', () => {
  it('takes exactly the input of its action, given or made when it runs', () => {
    expect(step(0, 'dispatch', by, { teamId: 't-general', workerId: null }).input(order, null)).toEqual({ teamId: 't-general', workerId: null });
    expect(step(0, 'reassign', by, (_o, member) => ({ teamId: 't-general', workerId: member, reason: '改派' })).input(order, 'demo-worker')).toEqual({
      teamId: 't-general',
      workerId: 'demo-worker',
      reason: '改派',
    });
    // @ts-expect-error a team id is a string
    step(0, 'dispatch', by, { teamId: 3, workerId: null });
    // @ts-expect-error 回访 says whether the resident was reached and satisfied
    step(0, 'revisit', by, { notes: '' });
    // @ts-expect-error a reply names the 督办 by its sequence number
    step(0, 'reply', by, (o) => ({ seq: String(o.version), text: '已处理' }));
    // @ts-expect-error there is no such action
    step(0, 'approve', by, {});
  });

  it('answers the one 督办 or complaint awaiting it, and refuses a script that answers none', () => {
    const waiting = {
      ...order,
      instructions: [
        { seq: 2, answer: { text: '好' } },
        { seq: 5, answer: null },
      ],
    } as unknown as Order;
    expect(act.reply(0, 'dispatcher', '已派单').input(waiting, null)).toEqual({ seq: 5, text: '已派单' });
    expect(() => act.answer(0, '已约谈').input(order, null)).toThrow(/exactly one/);
  });
});
