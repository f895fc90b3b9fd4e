import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, resident, resident2 } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

/** What the elder-mode home needs from the server: the most used services and the property's phone. */
describe('the data behind the elder-mode home', () => {
  it("ranks the catalogue by the resident's own orders: the service she orders is first for her, not for a neighbour", async () => {
    const before = dataOf(await t.call('catalog', { action: 'list' }, resident.user));
    expect([...before.popular].sort()).toEqual(before.items.map((i: { id: string }) => i.id).sort());
    await d.place(resident, { serviceItemId: 's-cleaning', description: '厨房油污需要清洁' });
    await d.place(resident, { serviceItemId: 's-cleaning', description: '卫生间清洁' });
    expect(dataOf(await t.call('catalog', { action: 'list' }, resident.user)).popular[0]).toBe('s-cleaning');
    // The community's two cleaning orders count for the neighbour too, but less than her own habit would.
    const neighbour = dataOf(await t.call('catalog', { action: 'list' }, resident2.user)).popular;
    expect(neighbour[0]).toBe('s-cleaning');
    await d.place(resident2, { serviceItemId: 's-meal', householdId: 'h-hp-a', description: '午餐' });
    expect(dataOf(await t.call('catalog', { action: 'list' }, resident2.user)).popular[0]).toBe('s-meal');
  });

  it('gives the resident the phone of the company serving her home (一键呼叫物业), and staff without a home none', async () => {
    const me = dataOf(await t.call('session', { action: 'whoami' }, resident.user));
    expect(me.property).toEqual({ name: '红心物业服务有限公司', phone: '0825-2345678' });
    expect(dataOf(await t.call('session', { action: 'whoami' }, dispatcher.user)).property).toBeNull();
  });
});
