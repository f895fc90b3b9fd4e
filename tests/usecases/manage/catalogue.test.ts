import { describe, expect, it } from 'vitest';
import { useManageWorld } from './manage-world';

const m = useManageWorld();
const haircut = {
  action: 'saveService',
  name: '理发上门',
  category: 'homecare',
  description: '老人在家理发',
  unit: '次',
  redPriceFen: 1000,
  marketPriceFen: 3000,
};

describe('the service catalogue', () => {
  it('adds a service residents can order at once', async () => {
    const { saved } = await m.admin(haircut);
    expect(saved).toMatchObject({ active: true, deadlines: null, payment: 'at_door', rev: 1 });
    const { items } = await m.w.call('catalog', 'demo-resident', { action: 'list' });
    expect(items.map((i: { name: string }) => i.name)).toContain('理发上门');
    expect((await m.audit())[0]).toMatchObject({ what: 'service.saved', subject: '理发上门', detail: '新增' });
  });

  it('edits a service and logs the prices that changed', async () => {
    await m.admin({ ...haircut, id: 's-repair', rev: 0, name: '门窗家具维修', category: 'repair', unit: '次', redPriceFen: 2500, marketPriceFen: 8000 });
    expect((await m.audit())[0]!.detail).toContain('红色价格：30.00元→25.00元');
  });

  it.each([
    ['a red price above the market price', { redPriceFen: 5000 }, 'INPUT.INVALID'],
    ['the name of a service on offer', { name: '家庭保洁' }, 'MANAGE.DUPLICATE'],
    ['an unknown category', { category: 'magic' }, 'INPUT.INVALID'],
  ])('refuses %s', async (_name, fields, code) => {
    expect(await m.codeOf({ ...haircut, ...fields })).toBe(code);
  });

  it('retires a service for good: not in the catalogue, not orderable, not editable; old orders still name it', async () => {
    const old = await m.w.place('s-errand');
    await m.admin({ action: 'retireService', id: 's-errand', rev: 0 });
    const { items } = await m.w.call('catalog', 'demo-resident', { action: 'list' });
    expect(items.map((i: { id: string }) => i.id)).not.toContain('s-errand');
    await expect(m.w.place('s-errand')).rejects.toThrow('SERVICE.NOT_FOUND');
    expect(await m.codeOf({ ...haircut, id: 's-errand', rev: 1, name: '代买代办' })).toBe('SERVICE.RETIRED');
    expect(await m.w.raw('admin', 'demo-admin', { action: 'updateService', role: 'admin', serviceItemId: 's-errand', active: true })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE.RETIRED' },
    });
    const { order } = await m.w.call('orders', 'demo-resident', { action: 'get', role: 'resident', orderId: old });
    expect(order.serviceName).toBe('代买代办');
    expect((await m.overview()).services.find((s: { id: string }) => s.id === 's-errand').retiredAt).toBe(m.w.now());
    const settings = await m.w.call('admin', 'demo-admin', { action: 'settings', role: 'admin' });
    expect(settings.services.map((s: { id: string }) => s.id)).not.toContain('s-errand');
    expect((await m.audit())[0]).toMatchObject({ what: 'service.retired', subject: '代买代办' });
  });

  it('refuses a change made on a revision someone else has moved past', async () => {
    await m.admin({ ...haircut, id: 's-repair', rev: 0, name: '门窗维修', category: 'repair' });
    expect(await m.codeOf({ ...haircut, id: 's-repair', rev: 0, name: '门窗家具维修', category: 'repair' })).toBe('MANAGE.STALE');
  });
});
