import { describe, expect, it } from 'vitest';
import { grabBlock, heldCount } from '../../src/worker/pages/tasks/grab-block';

const worker = { id: 'w', name: '孙志远', roles: ['worker' as const], onDuty: true, maxOpenOrders: 2, volunteer: null };
const counts = (held: number, closed = 5) =>
  ({ pending_dispatch: 0, pending_accept: 0, accepted: held, in_service: 0, pending_confirm: 1, closed, cancelled: 0, referred: 0 }) as never;

describe('the pool says before a tap why 抢单 cannot work', () => {
  it('counts only the orders a worker holds open, not what they finished', () => {
    expect(heldCount(counts(2))).toBe(2);
  });

  it.each([
    ['a worker with room', worker, 1, null],
    ['a worker at the cap', worker, 2, '您手头工单已满（2单），请先完成在办工单'],
    ['a worker off duty, whatever they hold', { ...worker, onDuty: false }, 0, '您当前不在岗，上岗后才能抢单'],
    ['a worker whose load is not known yet', worker, null, null],
    ['nobody signed in yet', null, 5, null],
  ])('%s', (_name, user, held, said) => {
    expect(grabBlock(user as never, held)).toBe(said);
  });
});
