import { describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
import { defaultLimits } from '@backend/runtime/rate-limit';
import { dataOf, desk, failure, resident, supervisor } from '../support/scenario';
import { useTestServer } from '../support/test-server';

/*
 * The flood issue 11 found: 1,500 complaints on one order were all accepted and grew the data file
 * from 5 MB to 750 MB. Now one complaint per order waits for its answer (409 ORDER.COMPLAINT_OPEN,
 * writing nothing), and past 120 writes a minute the person is refused before anything is read (429).
 */

const t = useTestServer({ limits: defaultLimits });
const d = desk(t);

describe('a resident flooding one order with complaints', () => {
  it('records the first, refuses the next 119 as open and the rest as too many, and writes nothing for any of them', async () => {
    const order = await d.placeDue(resident);
    const first = dataOf(await d.act(resident, order, 'complain', { text: '第1次投诉' })).order;
    const before = t.dump();
    const codes: string[] = [];
    for (let i = 2; i <= 300; i++) {
      const r = await d.act(resident, first, 'complain', { text: `第${i}次投诉` });
      codes.push(`${r.status} ${failure(r).code}`);
    }
    // Placed a quarter of an hour before (so that a complaint is offered), the order's 点单 is not in
    // this minute's 120 writes: the first complaint and the next 119 are.
    expect(codes.slice(0, 119)).toEqual(Array(119).fill('409 ORDER.COMPLAINT_OPEN'));
    expect(codes.slice(119)).toEqual(Array(300 - 1 - 119).fill('429 REQUEST.RATE_LIMITED'));
    expect(t.dump()).toBe(before);
    expect((await d.events(order.id)).map((e) => e.action)).toEqual(['create', 'complain']);
  });

  it('takes a new complaint once the community has answered the last one', async () => {
    let order = await d.placeDue(resident);
    order = await d.step(resident, order, 'complain', { text: '没人来' });
    const refused = await d.act(resident, order, 'complain', { text: '还是没人来' });
    expect(failure(refused)).toEqual({ status: 409, code: 'ORDER.COMPLAINT_OPEN' });
    expect(refused.body.error.message).toBe('您对这张工单的投诉正在等待社区答复，答复后才能再次投诉');
    expect(order.actions).not.toContain('complain');

    t.clock.advance(MINUTE);
    order = await d.step(supervisor, order, 'answer', { seq: order.version, text: '已督促物业今天上门' });
    const mine = (await d.read(resident, order.id)).order;
    expect(mine.actions).toContain('complain');
    expect((await d.step(resident, mine, 'complain', { text: '答复了但还是没人来' })).complaints).toHaveLength(2);
  });
});
