import { describe, expect, it } from 'vitest';
import type { Recipient } from '@core';
import { moveLegacyNotifications } from '@backend/storage/cloudbase/event-notes';
import { collectionNames } from '@backend/storage/cloudbase/names';
import { createCommit, makeEvent, makeNotification, makeOrder, nextCommit, T0 } from './fixtures';
import { freshCloudBaseEach } from './offline-cloudbase';

// On CloudBase a commit's notifications ride in its event's document (event-notes.ts): one insert
// per commit. The inbox answers as the contract suite says; these are where they live and how
// an environment's older notification documents get there.
const cb = freshCloudBaseEach('notes');

const u1: Recipient = { kind: 'user', userId: 'u1' };
const t1: Recipient = { kind: 'team', teamId: 't1' };
const count = async (collection: 'events' | 'notifications') =>
  ((await cb.db.collection(collectionNames(cb.prefix)[collection]).get()).data as unknown[]).length;

describe('notifications in their event’s document on CloudBase', () => {
  it('stores a commit’s notifications in its event’s document, and no document of their own', async () => {
    const order = makeOrder({ id: 'o-notes' });
    await cb.store.commit(createCommit(order, { notifications: [makeNotification('n1', u1, T0, order.id), makeNotification('n2', t1, T0, order.id)] }));
    expect(await count('events')).toBe(1);
    expect(await count('notifications')).toBe(0);
    expect((await cb.store.listNotifications([u1, t1], 10)).map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    // The timeline shows the event alone.
    expect(await cb.store.listEvents(order.id)).toEqual([makeEvent(order, 1)]);
  });

  it('keeps the notes of a commit without an event outside every timeline', async () => {
    const order = makeOrder({ id: 'o-quiet' });
    await cb.store.commit(createCommit(order));
    await cb.store.commit({ ...nextCommit(order, { description: 'quiet' }), events: [], notifications: [makeNotification('n-quiet', u1, T0 + 1, order.id)] });
    expect((await cb.store.listNotifications([u1], 10)).map((n) => n.id)).toEqual(['n-quiet']);
    expect((await cb.store.listEvents(order.id)).map((e) => e.seq)).toEqual([1]);
  });

  it('moves notification documents stored before into the inbox, once', async () => {
    const names = collectionNames(cb.prefix);
    const old = [makeNotification('n-old-1', u1, T0 - 2), makeNotification('n-old-2', t1, T0 - 1)];
    for (const n of old) await cb.db.collection(names.notifications).add({ _id: n.id, recipient: `user:u1`, ...n });
    await cb.store.commit(createCommit(makeOrder({ id: 'o-new' }), { notifications: [makeNotification('n-new', u1, T0, 'o-new')] }));
    expect(await moveLegacyNotifications(cb.db, names)).toBe(2);
    expect(await count('notifications')).toBe(0);
    expect(await cb.store.listNotifications([u1, t1], 10)).toEqual([makeNotification('n-new', u1, T0, 'o-new'), old[1], old[0]]);
    expect(await moveLegacyNotifications(cb.db, names)).toBe(0);
  });
});
