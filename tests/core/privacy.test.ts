import { describe, expect, it } from 'vitest';
import { CONTACT_RETENTION_DAYS, DAY, maskName, maskPhone, privacyPhase, redactOrder } from '@core';
import { ACTORS, NOW, order } from './fixtures';

describe('contact privacy', () => {
  it('masks phones and names for display', () => {
    expect(maskPhone('13800001111')).toBe('138****1111');
    expect(maskName('张秀兰')).toBe('张**');
    expect(maskName('王五')).toBe('王*');
    expect(maskName('欧')).toBe('欧*');
    expect(maskName('')).toBe('');
  });

  const pool = order({ state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
  const mine = order({ state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'worker' } });

  it('shows a pool order to workers with a masked name and phone and the building only, until one of them takes it', () => {
    expect(redactOrder(pool, ACTORS.worker, NOW)).toMatchObject({
      contactName: '张**',
      contactPhone: '138****1111',
      address: { compoundName: '阳光小区', buildingName: '1号楼', door: '' },
    });
    expect(redactOrder(mine, ACTORS.worker, NOW)).toBe(mine);
  });

  it('gives the supervisor the name and phone for return visits but not the door', () => {
    expect(redactOrder(mine, ACTORS.supervisor, NOW)).toMatchObject({ contactName: '张秀兰', contactPhone: '13800001111', address: { door: '' } });
  });

  it('gives the resident and the dispatcher everything while the order is open', () => {
    expect(redactOrder(pool, ACTORS.resident, NOW)).toBe(pool);
    expect(redactOrder(pool, ACTORS.dispatcher, NOW)).toBe(pool);
  });

  describe(`after the order ends (${CONTACT_RETENTION_DAYS} days)`, () => {
    const closedAt = NOW - 10 * DAY;
    const ended = { ...mine, state: 'closed', closedAt } as const;
    const lastMoment = closedAt + CONTACT_RETENTION_DAYS * DAY - 1;

    it('counts the days from the moment it ended, not from its last change', () => {
      expect(privacyPhase(mine, NOW)).toBe('open');
      expect(privacyPhase(ended, lastMoment)).toBe('recently-ended');
      expect(privacyPhase(ended, lastMoment + 1)).toBe('ended');
      // A complaint days later changes updatedAt; the contact does not come back.
      expect(privacyPhase({ ...ended, updatedAt: lastMoment + 1 }, lastMoment + 1)).toBe('ended');
    });

    it('takes the phone, the door and the full name away from the worker and the dispatcher, never from the household', () => {
      for (const role of ['worker', 'dispatcher'] as const) {
        expect(redactOrder(ended, ACTORS[role], lastMoment)).toBe(ended);
        expect(redactOrder(ended, ACTORS[role], lastMoment + 1)).toMatchObject({ contactName: '张**', contactPhone: '138****1111', address: { door: '' } });
      }
      expect(redactOrder(ended, ACTORS.resident, NOW)).toBe(ended);
    });
  });
});
