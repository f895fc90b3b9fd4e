import { beforeEach, describe, expect, it } from 'vitest';
import { T0, createCommit, makeEvent, makeOrder, makeReply, nextCommit } from '../fixtures';
import { HOUR, type StoreRef } from './reference-model';

/** Stored replies expire by age; a timeline is read whole or a page of its newest events at a time. */
export function repliesAndTimelineContract(s: StoreRef): void {
  describe('expiring replies', () => {
    beforeEach(async () => {
      await s().clear();
    });

    it('removes the replies stored before the moment given, keeps the rest, and says how many it removed', async () => {
      const ages = [0, 1, 2, 3, 4];
      for (const h of ages) {
        await s().commit(createCommit(makeOrder({ id: `o-reply-${h}` }), { reply: makeReply(`u1:req-${h}`, T0 + h * HOUR) }));
      }
      expect(await s().pruneReplies(T0 + 2 * HOUR)).toBe(2);
      const left = await Promise.all(ages.map((h) => s().getReply(`u1:req-${h}`)));
      expect(left.map((r) => r?.key ?? null)).toEqual([null, null, 'u1:req-2', 'u1:req-3', 'u1:req-4']);
      expect(await s().pruneReplies(T0 + 2 * HOUR)).toBe(0);
      // The orders the expired replies answered are untouched.
      expect(await s().getOrder('o-reply-0')).not.toBeNull();
    });

    it('finds exactly the expired ones among many, round after round', async () => {
      for (let m = 0; m < 40; m++) {
        await s().commit(createCommit(makeOrder({ id: `o-many-${m}` }), { reply: makeReply(`u1:many-${m}`, T0 + m * 60_000) }));
      }
      expect(await s().pruneReplies(T0 + 17 * 60_000)).toBe(17);
      expect(await s().pruneReplies(T0 + 17 * 60_000 + 1)).toBe(1);
      expect(await s().pruneReplies(T0 + 39 * 60_000)).toBe(21);
      expect(await s().getReply('u1:many-38')).toBeNull();
      expect((await s().getReply('u1:many-39'))?.at).toBe(T0 + 39 * 60_000);
      expect(await s().pruneReplies(T0 + HOUR)).toBe(1);
      expect(await s().pruneReplies(T0 + HOUR)).toBe(0);
    });

    it('lets a request id whose reply expired be answered anew', async () => {
      const order = makeOrder({ id: 'o-reuse' });
      await s().commit(createCommit(order, { reply: makeReply('u1:again', T0) }));
      await s().pruneReplies(T0 + 1);
      const next = nextCommit(order, { description: 'later' }, { reply: makeReply('u1:again', T0 + HOUR) });
      expect(await s().commit(next)).toEqual({ ok: true });
      expect((await s().getReply('u1:again'))?.at).toBe(T0 + HOUR);
    });
  });

  describe('a page of the timeline', () => {
    const order = makeOrder({ id: 'o-timeline' });
    beforeEach(async () => {
      await s().clear();
      let current = order;
      await s().commit(createCommit(order));
      for (let v = 2; v <= 12; v++) {
        const c = nextCommit(current, { description: `change ${v}` });
        await s().commit(c);
        current = c.order;
      }
    });
    const seqs = (events: readonly { seq: number }[]) => events.map((e) => e.seq);

    it('gives the newest events first asked for, oldest first within the page', async () => {
      expect(seqs(await s().listEvents(order.id, { beforeSeq: null, limit: 5 }))).toEqual([8, 9, 10, 11, 12]);
    });

    it('gives the older ones before a seq, and fewer at the start of the timeline', async () => {
      expect(seqs(await s().listEvents(order.id, { beforeSeq: 8, limit: 5 }))).toEqual([3, 4, 5, 6, 7]);
      expect(seqs(await s().listEvents(order.id, { beforeSeq: 3, limit: 5 }))).toEqual([1, 2]);
      expect(await s().listEvents(order.id, { beforeSeq: 1, limit: 5 })).toEqual([]);
    });

    it('gives the whole timeline without a page, the same events as the pages together', async () => {
      const all = await s().listEvents(order.id);
      expect(seqs(all)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(all[0]).toEqual(makeEvent(order, 1));
      const pages = [...(await s().listEvents(order.id, { beforeSeq: 7, limit: 100 })), ...(await s().listEvents(order.id, { beforeSeq: null, limit: 6 }))];
      expect(pages).toEqual(all);
    });
  });
}
