import { describe, expect, it } from 'vitest';
import { useSupervisionWorld } from './harness';

const w = useSupervisionWorld();

const deadlines = { dispatch: 30, accept: 30, start: 60, complete: 600, confirm: 1440 };

describe('deadline settings', () => {
  it('lets the admin give a service its own deadlines; new orders take them, placed orders keep theirs', async () => {
    const before = await w.place('s-repair');
    await w.call('admin', 'demo-admin', { action: 'updateService', role: 'admin', serviceItemId: 's-repair', deadlines });
    const after = await w.place('s-repair');
    expect((await w.store.getOrder(before))!.sla.dispatch).toBe(120);
    expect((await w.store.getOrder(after))!.sla).toEqual(deadlines);
  });

  it('lets the admin change the community defaults that services without their own follow', async () => {
    await w.call('admin', 'demo-admin', {
      action: 'updateSettings',
      role: 'admin',
      defaultDeadlines: deadlines,
      weights: { response: 0.4, resolution: 0.3, satisfaction: 0.3 },
    });
    const view = await w.call('admin', 'demo-admin', { action: 'settings', role: 'admin' });
    expect(view.settings.weights).toEqual({ response: 0.4, resolution: 0.3, satisfaction: 0.3 });
    expect((await w.store.getOrder(await w.place('s-repair')))!.sla).toEqual(deadlines);
  });

  it('takes weights in the unit it shows them in, fractions, and refuses percentages', async () => {
    const reply = await w.raw('admin', 'demo-admin', { action: 'updateSettings', role: 'admin', weights: { response: 40, resolution: 30, satisfaction: 30 } });
    expect(reply.ok ? null : reply.error.details).toEqual({
      'weights.response': '应为0到1之间的数',
      'weights.resolution': '应为0到1之间的数',
      'weights.satisfaction': '应为0到1之间的数',
    });
  });

  it('refuses everyone but the admin, and a red price above the market price', async () => {
    const reply = await w.raw('admin', 'demo-supervisor', { action: 'settings', role: 'supervisor' });
    expect(reply.ok ? null : reply.error.code).toBe('AUTH.FORBIDDEN');
    const bad = await w.raw('admin', 'demo-admin', { action: 'updateService', role: 'admin', serviceItemId: 's-repair', redPriceFen: 99_999 });
    expect(bad.ok ? null : bad.error.code).toBe('INPUT.INVALID');
  });
});
