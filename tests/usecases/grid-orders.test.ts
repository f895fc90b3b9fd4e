import { describe, expect, it } from 'vitest';
import { DAY, OPEN_STATES, type OrderView } from '@core';
import { useSupervisionWorld } from '../supervision/harness';

/**
 * 本楼栋工单: 高建华 (demo-leader), 楼栋党小组长 of 阳光小区 1号楼 and 2号楼, lists the orders of his
 * buildings in his own role: none of 和平小区's, one building at a time when he picks it, the late ones
 * first when he asks for open orders by urgency, and contacts as docs/privacy.md says for 楼栋党小组长.
 */
const w = useSupervisionWorld();
const LEADER = 'demo-leader';
const list = async (filter: object, sort = 'recent'): Promise<OrderView[]> =>
  (await w.call('orders', LEADER, { action: 'list', role: 'group_leader', filter, cursor: null, limit: 50, sort })).items;

describe('the group leader’s list of their buildings’ orders', () => {
  it('holds the orders of their buildings only, newest first, and one building when asked', async () => {
    const b1 = await w.place('s-repair', 'demo-resident', 'h-yg-a');
    w.advance(60_000);
    const b2 = await w.place('s-repair', 'demo-resident', 'h-yg-b');
    w.advance(60_000);
    const heping = await w.place('s-repair', 'demo-resident-2', 'h-hp-a');
    expect((await list({})).map((o) => o.id)).toEqual([b2, b1]);
    expect((await list({ buildingId: 'b-yg-2' })).map((o) => o.id)).toEqual([b2]);
    expect((await list({})).map((o) => o.id)).not.toContain(heping);
  });

  it('puts the late ones first among the open orders sorted by urgency', async () => {
    const late = await w.place('s-repair-urgent', 'demo-resident', 'h-yg-a');
    w.advance(60_000);
    const fresh = await w.place('s-repair', 'demo-resident', 'h-yg-b');
    w.advance(3 * 3_600_000);
    const open = await list({ states: [...OPEN_STATES] }, 'urgent');
    expect(open.map((o) => o.id)).toEqual([late, fresh]);
  });

  it('reads contacts in full while an order is in hand and masked three days after it ended', async () => {
    const id = await w.place('s-repair', 'demo-resident', 'h-yg-a');
    const [inHand] = await list({});
    expect(inHand).toMatchObject({ id, contactName: '张秀兰', contactPhone: '13800001111', address: { door: '2单元301' } });
    await w.act('demo-resident', 'resident', id, 'cancel', { reason: '不需要了' });
    w.advance(4 * DAY);
    const [ended] = await list({});
    expect(ended).toMatchObject({ id, contactName: '张**', contactPhone: '138****1111', address: { door: '' } });
  });
});
