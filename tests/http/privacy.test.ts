import { describe, expect, it } from 'vitest';
import type { OrderView } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, resident, supervisor, worker, worker3 } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

const contact = (o: OrderView) => ({ name: o.contactName, phone: o.contactPhone, door: o.address.door });
const FULL = { name: '张秀兰', phone: '13800001111', door: '2单元301' };
const MASKED = { name: '张**', phone: '138****1111', door: '' };

describe("隐私: who sees the resident's name, phone and door", () => {
  it('masks them for pool workers until one grabs it; the assignee then sees all; the supervisor sees name and phone, not the door', async () => {
    const placed = await d.place(resident);
    expect(contact(placed)).toEqual(FULL);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    expect(contact(pooled)).toEqual(FULL);

    // Before grabbing: every member of the pool sees it masked, in the list and in the detail.
    for (const who of [worker, worker3]) {
      const listed = dataOf<{ items: OrderView[] }>(await d.list(who)).items;
      expect(listed.map((o) => o.id)).toEqual([placed.id]);
      expect(contact(listed[0]!)).toEqual(MASKED);
      expect(contact((await d.read(who, placed.id)).order)).toEqual(MASKED);
    }
    // The compound and building stay visible, so a worker knows where it is.
    expect((await d.read(worker, placed.id)).order.address).toEqual({ compoundName: '阳光小区', buildingName: '1号楼', door: '' });

    // The one who grabs sees everything, in the reply and from then on.
    const grabbed = await d.step(worker, pooled, 'grab');
    expect(contact(grabbed)).toEqual(FULL);
    expect(contact((await d.read(worker, placed.id)).order)).toEqual(FULL);

    // The supervisor calls back for 回访 (phone) but does not visit (no door).
    const callBack = { name: FULL.name, phone: FULL.phone, door: MASKED.door };
    expect(contact((await d.read(supervisor, placed.id)).order)).toEqual(callBack);
    expect(contact(dataOf<{ items: OrderView[] }>(await d.list(supervisor)).items[0]!)).toEqual(callBack);
    // The dispatcher and the resident see everything.
    expect(contact((await d.read(dispatcher, placed.id)).order)).toEqual(FULL);
    expect(contact((await d.read(resident, placed.id)).order)).toEqual(FULL);
  });

  it('keeps the timeline and the notifications free of the phone and door', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    const seen = await d.read(worker3, placed.id);
    expect(JSON.stringify(seen)).not.toContain('13800001111');
    expect(JSON.stringify(seen)).not.toContain('2单元301');
    expect(JSON.stringify(await d.notifications(worker3))).not.toContain('13800001111');
    await d.step(worker, pooled, 'grab');
    // Once a teammate holds it, the rest of the team no longer sees it at all.
    expect((await d.get(worker3, placed.id)).status).toBe(404);
  });

  it('uses the contact a resident gives for the order (代办: ordering for a neighbour)', async () => {
    const placed = await d.place(resident, { householdId: 'h-yg-b', contactName: '王德福', contactPhone: '13912345678' });
    await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    expect(contact((await d.read(worker, placed.id)).order)).toEqual({ name: '王**', phone: '139****5678', door: '' });
    expect((await d.events(placed.id))[0]!.payload).toMatchObject({ onBehalf: true });
  });
});
