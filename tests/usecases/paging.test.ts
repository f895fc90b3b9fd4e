import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supervisionWorld } from '../supervision/harness';

let w: Awaited<ReturnType<typeof supervisionWorld>>;
beforeEach(async () => {
  w = await supervisionWorld();
});
afterEach(() => w.close());

describe('paging', () => {
  it('refuses a cursor it did not write, rather than starting again from the top', async () => {
    await w.place('s-repair');
    const reply = await w.raw('orders', 'demo-resident', { action: 'list', role: 'resident', cursor: 'not-a-cursor' });
    expect(reply.ok ? null : reply.error).toMatchObject({ code: 'INPUT.INVALID', details: { cursor: '翻页位置无效，请刷新' } });
  });
});
