import { describe, expect, it } from 'vitest';
import { useSupervisionWorld } from '../supervision/harness';

const w = useSupervisionWorld();

describe('going off duty', () => {
  it('stops a worker grabbing pool orders and the dispatcher sending them any, until they are back', async () => {
    const id = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: null });
    const off = await w.call('session', 'demo-worker', { action: 'setOnDuty', onDuty: false });
    expect(off.user.onDuty).toBe(false);
    await expect(w.act('demo-worker', 'worker', id, 'grab')).rejects.toThrow('GRAB.OFF_DUTY 您当前不在岗，上岗后才能抢单');
    const other = await w.place('s-repair');
    await expect(w.act('demo-dispatcher', 'dispatcher', other, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' })).rejects.toThrow(
      'WORKER.OFF_DUTY',
    );
    await w.call('session', 'demo-worker', { action: 'setOnDuty', onDuty: true });
    await w.act('demo-worker', 'worker', id, 'grab');
    expect((await w.store.getOrder(id))!.state).toBe('accepted');
  });

  it('is only for workers', async () => {
    const reply = await w.raw('session', 'demo-resident', { action: 'setOnDuty', onDuty: false });
    expect(reply.ok ? null : reply.error.code).toBe('AUTH.ROLE_NOT_HELD');
  });
});
