import { describe, expect, it } from 'vitest';
import { formatOrderNumber, orderNumberDay, type HouseholdView, type OrderView, type ServiceItem, type SessionInfo } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, resident } from '../support/scenario';

/*
 * What a resident needs before and around an order, through the real handlers: the property's phone
 * in the session, and how each service is paid on the catalogue.
 */
const t = useTestServer();
const d = desk(t);

const catalog = async (user: string) => dataOf<{ items: ServiceItem[] }>(await t.call('catalog', { action: 'list' }, user)).items;

describe("a resident's essentials", () => {
  it('gives each household the property company serving it, with the phone to call', async () => {
    const session = dataOf<SessionInfo>(await t.call('session', { action: 'whoami' }, 'demo-resident'));
    const property = (h: HouseholdView) => h.property;
    expect(session.households.map(property)).toEqual([
      { name: '红心物业服务有限公司', phone: '0825-2345678' },
      { name: '红心物业服务有限公司', phone: '0825-2345678' },
    ]);
  });

  it('says on the catalogue how each service is paid', async () => {
    const items = await catalog('demo-resident');
    expect(items.find((i) => i.id === 's-meal')?.payment).toBe('subsidised');
    expect(items.find((i) => i.id === 's-repair')?.payment).toBe('at_door');
  });

  it('lets the admin say a service is free, and the resident reads it', async () => {
    const reply = await t.call('admin', { action: 'updateService', role: 'admin', serviceItemId: 's-errand', payment: 'free' }, 'demo-admin');
    expect(reply.status).toBe(200);
    expect((await catalog('demo-resident')).find((i) => i.id === 's-errand')?.payment).toBe('free');
    // Another change keeps it.
    await t.call('admin', { action: 'updateService', role: 'admin', serviceItemId: 's-errand', redPriceFen: 400 }, 'demo-admin');
    expect((await catalog('demo-resident')).find((i) => i.id === 's-errand')?.payment).toBe('free');
  });

  it('numbers each order by its day and sequence in the community, and shows the number on the order', async () => {
    const first = await d.place(resident, { description: '厨房水龙头漏水' });
    const second = await d.place(resident, { description: '卫生间灯不亮' });
    const day = orderNumberDay(first.createdAt);
    expect([first.number, second.number]).toEqual([formatOrderNumber(day, 1), formatOrderNumber(day, 2)]);
    const { order } = dataOf<{ order: OrderView }>(await d.get(resident, second.id));
    expect(order.number).toMatch(/^\d{4}-002$/);
  });
});
