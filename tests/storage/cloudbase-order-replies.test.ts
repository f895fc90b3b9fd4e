import { describe, expect, it } from 'vitest';
import type { Order } from '@core';
import { KEPT_REPLIES } from '@backend/storage/cloudbase/order-replies';
import { createCommit, indexOf, makeOrder, makeReply, nextCommit, T0 } from './fixtures';
import { freshCloudBaseEach } from './offline-cloudbase';

// On CloudBase a transition's reply is kept in its order's document (order-replies.ts), a create's
// is a document of its own as well: the port's answers stay those of the contract suite; these are
// the store's own promises about where they live and how long.
const cb = freshCloudBaseEach('kept');

const HOUR = 3_600_000;
const rawOrder = async (id: string) => ((await cb.db.collection(`${cb.prefix}orders`).doc(id).get()).data as Record<string, unknown>[])[0]!;
const replyDocs = async () => ((await cb.db.collection(`${cb.prefix}replies`).get()).data as unknown[]).length;

/** `n` transitions of a new order, each under its own request id, an hour apart. */
async function transitions(id: string, n: number): Promise<Order> {
  let order = makeOrder({ id });
  await cb.store.commit(createCommit(order, { reply: makeReply(`u1:create-${id}`, T0) }));
  for (let i = 1; i <= n; i++) {
    const c = nextCommit(order, { description: `change ${i}` }, { reply: makeReply(`u1:${id}-${i}`, T0 + i * HOUR) });
    expect(await cb.store.commit(c)).toEqual({ ok: true });
    order = c.order;
  }
  return order;
}

describe('replies kept in the order’s document on CloudBase', () => {
  it('writes no reply document for a transition, only for the create', async () => {
    await transitions('o-doc', 3);
    expect(await replyDocs()).toBe(1);
    expect(await cb.store.getReply('u1:o-doc-2', 'o-doc')).toEqual(makeReply('u1:o-doc-2', T0 + 2 * HOUR));
    expect(await cb.store.getReply('u1:o-doc-2')).toEqual(makeReply('u1:o-doc-2', T0 + 2 * HOUR));
    // Looked up as a create's (null), a transition's id is not searched for among the orders.
    expect(await cb.store.getReply('u1:o-doc-2', null)).toBeNull();
    expect(await cb.store.getReply('u1:create-o-doc', 'o-doc')).toEqual(makeReply('u1:create-o-doc', T0));
  });

  it(`keeps the newest ${KEPT_REPLIES} in the order, so its document stays bounded`, async () => {
    await transitions('o-many', KEPT_REPLIES + 5);
    const kept = (await rawOrder('o-many')).requests as { key: string }[];
    expect(kept).toHaveLength(KEPT_REPLIES);
    expect(kept[0]!.key).toBe('u1:o-many-6');
    expect(kept.at(-1)!.key).toBe(`u1:o-many-${KEPT_REPLIES + 5}`);
  });

  it('removes the expired ones from the orders and counts each reply once', async () => {
    await transitions('o-old', 4);
    // The create's document and its entry in the order, and the transitions of the first two hours.
    expect(await cb.store.pruneReplies(T0 + 2 * HOUR + 1)).toBe(3);
    expect((await cb.store.getReply('u1:o-old-2', 'o-old'))?.key).toBeUndefined();
    expect((await cb.store.getReply('u1:o-old-3', 'o-old'))?.at).toBe(T0 + 3 * HOUR);
    expect(((await rawOrder('o-old')).requests as unknown[]).length).toBe(2);
    expect(await cb.store.pruneReplies(T0 + 2 * HOUR + 1)).toBe(0);
  });

  it('keeps the order’s replies through a reindex', async () => {
    const order = await transitions('o-reindexed', 2);
    expect(await cb.store.reindex([{ orderId: order.id, version: order.version, index: indexOf(order) }])).toBe(1);
    expect((await cb.store.getReply('u1:o-reindexed-2', order.id))?.at).toBe(T0 + 2 * HOUR);
    expect(await cb.store.getOrder(order.id)).toEqual(order);
  });
});
