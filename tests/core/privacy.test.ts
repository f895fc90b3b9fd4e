import { describe, expect, it } from 'vitest';
import { maskDoor, maskPhone, redactOrder } from '@core';
import { ACTORS, order } from './fixtures';

describe('contact privacy', () => {
  it('masks phones and doors for display', () => {
    expect(maskPhone('13800001111')).toBe('138****1111');
    expect(maskDoor('2单元301')).toBe('2单元***');
    expect(maskDoor('301')).toBe('***');
  });

  const pool = order({ state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
  const mine = order({ state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'worker' } });

  it('shows a pool order to workers without phone or door until one of them takes it', () => {
    expect(redactOrder(pool, ACTORS.worker)).toMatchObject({ contactPhone: '138****1111', address: { door: '2单元***' } });
    expect(redactOrder(mine, ACTORS.worker)).toMatchObject({ contactPhone: '13800001111', address: { door: '2单元301' } });
  });

  it('gives the supervisor the phone for return visits but not the door', () => {
    expect(redactOrder(mine, ACTORS.supervisor)).toMatchObject({ contactPhone: '13800001111', address: { door: '2单元***' } });
  });

  it('gives the resident and the dispatcher everything', () => {
    expect(redactOrder(pool, ACTORS.resident)).toBe(pool);
    expect(redactOrder(pool, ACTORS.dispatcher)).toBe(pool);
  });
});
