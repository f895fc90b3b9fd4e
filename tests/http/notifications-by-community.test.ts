import { describe, expect, it } from 'vitest';
import { DEMO_DATA } from '@backend/server/demo-data';
import { userFixture } from '../fixtures/user';
import { useTestServer } from '../support/test-server';
import { desk, dispatcher, resident, type As } from '../support/scenario';

/*
 * 红心物业 serves 幸福里社区 (the demo) and 第二社区: its dispatchers in each community hear only about
 * their own community's orders (docs/privacy.md, "Around the orders").
 */

const t = useTestServer();
const d = desk(t);
const B = 'c-second';
const residentB: As = { user: 'b-resident', role: 'resident' };
const dispatcherB: As = { user: 'b-dispatcher', role: 'dispatcher' };

async function addSecondCommunity() {
  const xingfuli = DEMO_DATA.communities[0]!;
  await t.store.putRefs('communities', [{ ...xingfuli, id: B, name: '第二社区', secretaryUserId: null }]);
  await t.store.putRefs('compounds', [{ id: 'cp-b', communityId: B, name: '乙小区', companyId: 'pc-hongxin' }]);
  await t.store.putRefs('buildings', [{ id: 'b-b-1', compoundId: 'cp-b', name: '1号楼' }]);
  await t.store.putRefs('households', [
    { id: 'h-b-1', communityId: B, compoundId: 'cp-b', buildingId: 'b-b-1', door: '1单元101', contactName: '钱大妈', contactPhone: '13800009999' },
  ]);
  await t.store.putRefs('serviceItems', [{ ...DEMO_DATA.serviceItems.find((s) => s.id === 's-homecare')!, id: 's-b-homecare', communityId: B }]);
  await t.store.putRefs('users', [
    userFixture('b-resident', B, ['resident'], { householdIds: ['h-b-1'], phone: '13800009999' }),
    userFixture('b-dispatcher', B, ['dispatcher'], { companyId: 'pc-hongxin' }),
  ]);
}

describe('notifications of a company serving two communities', () => {
  it("reach its dispatchers in the order's community only", async () => {
    await addSecondCommunity();
    const here = await d.place(resident, { serviceItemId: 's-repair' });
    const there = await d.place(residentB, { serviceItemId: 's-b-homecare', householdId: 'h-b-1', description: '上门助浴' });

    const heard = async (who: As) => (await d.notifications(who)).map((n) => n.orderId);
    expect(await heard(dispatcher)).toEqual([here.id]);
    expect(await heard(dispatcherB)).toEqual([there.id]);
    // Nothing about the other community's resident or need reaches 陈红 in any form.
    expect(JSON.stringify(await d.notifications(dispatcher))).not.toContain(there.id);
  });
});
