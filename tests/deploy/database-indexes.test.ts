import { Db } from '@cloudbase/database';
import { GROUP_BYS, ORDER_SORTS, ORDER_STATES, orderIndex, type OrderScope, type Recipient } from '@core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { collectionNames } from '@backend/storage/cloudbase/names';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import { encodeCursor } from '@backend/storage/order-index';
import { REFERENCE_KINDS, type OrderFilter, type Store } from '@backend/storage/port';
import { FakeCloudBase } from '../storage/fake-cloudbase';
import { decode } from '../storage/fake-query';
import { createCommit, generateOrders, makeEvent, makeNotification, makeOrder, nextCommit, referenceData, T0 } from '../storage/fixtures';
import { branchesOf, serves, uncovered, unused, type RecordedQuery } from './query-coverage';

/**
 * Every query the CloudBase adapter sends is served by an index that schema.ts declares. The
 * adapter runs against the in-memory model of the database API, which records each request's
 * collection, condition and sort as the SDK serialised them; every method of the store is walked
 * with every scope, filter, sort, cursor and grouping, and past the 1,000-row page where it pages.
 */
class RecordingFake extends FakeCloudBase {
  readonly queries: RecordedQuery[] = [];
  override async send(api: string, p: Record<string, unknown> = {}) {
    const collection = String(p.collectionName);
    if ((api === 'database.getDocument' || api === 'database.removeDocument' || api === 'database.calculateDocument') && p.queryType !== 'DOC') {
      const order = p.order ? (decode(String(p.order)) as Record<string, 1 | -1>) : {};
      this.queries.push({ collection, api, where: p.query ? (decode(String(p.query)) as Record<string, unknown>) : {}, sort: Object.entries(order) });
    }
    if (api === 'database.aggregateDocuments') {
      const stages = p.stages as { stageKey: string; stageValue: string }[];
      const match = stages.find((s) => s.stageKey === '$match');
      const sort = stages.find((s) => s.stageKey === '$sort');
      this.queries.push({
        collection,
        api,
        where: match ? (decode(match.stageValue) as Record<string, unknown>) : {},
        sort: sort ? Object.entries(decode(sort.stageValue) as Record<string, 1 | -1>) : [],
      });
    }
    return super.send(api, p);
  }
}

const PREFIX = 'rp_idx_';
const fake = new RecordingFake();
const schema = databaseSchema(PREFIX);
const names = collectionNames(PREFIX);
const called = new Set<string>();
let store: Store;

const SCOPES: OrderScope[] = [
  { kind: 'community', communityId: 'c1' },
  { kind: 'company', communityId: 'c1', companyId: 'co1' },
  { kind: 'household', communityId: 'c1', userId: 'u1', householdIds: ['h1', 'h2'] },
  { kind: 'household', communityId: 'c1', userId: 'u1', householdIds: [] },
  { kind: 'worker', communityId: 'c1', workerId: 'w1', poolTeamIds: ['t1'] },
  { kind: 'worker', communityId: 'c1', workerId: 'w1', poolTeamIds: [] },
];
const FILTERS: OrderFilter[] = [
  {},
  { states: ['pending_accept', 'in_service'] },
  { compoundId: 'cp1', teamId: 't1', category: 'repair' },
  { createdFrom: T0, createdTo: T0 + 86_400_000 },
  { attention: 'overdue' },
  { attention: 'escalated' },
  { attention: 'complaints' },
  { attention: 'instructions' },
];

/** Inserts documents straight into the model, as many as a page boundary needs, in one request. */
async function seedRaw(collection: string, docs: Record<string, unknown>[]) {
  await fake.send('database.insertDocument', { collectionName: collection, data: docs.map((d) => JSON.stringify(d)) });
}

async function walk(s: Store) {
  const refs = referenceData();
  for (const kind of REFERENCE_KINDS) {
    await s.putRefs(kind, refs[kind] as never);
    await s.listRefs(kind);
    await s.listRefs(kind, 'c1');
    await s.getRef(kind, 'c1');
  }
  await s.insertRef('compounds', { id: 'cp-new', communityId: 'c1', name: '新小区', companyId: 'co1' });
  await s.deleteRef('compounds', 'cp-new');
  await s.findUserByOpenid('openid-u1');
  await s.findUsersByOpenid('openid-u1');
  await s.usersCaringFor('c1', 'h1');
  await s.nextOrderNumber('c1', '2026-11-30');

  const orders = generateOrders(12);
  for (const o of orders)
    await s.commit(createCommit(o, { notifications: [makeNotification(`n-${o.id}`, { kind: 'user', userId: 'u1' }, o.createdAt, o.id)] }));
  await s.getOrder(orders[0]!.id);
  // Orders reaching a worker claim their places (worker-arrivals.ts): the first claim reads the
  // worker's held orders, a refused one too; the housekeeping finishes commits and reconciles claims.
  const pooled = ['o-pool-a', 'o-pool-b'].map((id) => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } }));
  const grabbed = [];
  for (const o of pooled) {
    await s.commit(createCommit(o));
    const grab = nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w9' } }, { capacity: { workerId: 'w9', max: 1 } });
    grabbed.push(await s.commit(grab));
  }
  expect(grabbed).toEqual([{ ok: true }, { ok: false, conflict: 'capacity' }]);
  await s.finishCommits?.(Date.now());
  // An order read for a change, then left unwritten: its read is by id.
  await (await s.openOrder!(orders[0]!.id)).release();
  await s.getReply('no-such-request');
  for (const scope of SCOPES)
    for (const filter of FILTERS) {
      await s.countByState(scope, filter);
      for (const sort of ORDER_SORTS) {
        await s.listOrders(scope, filter, { limit: 5, sort });
        await s.listOrders(scope, filter, { limit: 5, sort, cursor: encodeCursor(T0, 'o005') });
      }
    }
  await s.openOrdersOf(['w1', 'w2']);
  await s.foldRollups?.(60_000);
  await s.listEvents(orders[0]!.id);
  await s.listEvents(orders[0]!.id, { beforeSeq: 2, limit: 30 });
  await s.reindex(orders.slice(0, 2).map((o) => ({ orderId: o.id, version: o.version, index: orderIndex(o, referenceData().communities[0]!.settings) })));
  await s.pruneReplies(T0);
  const recipients: Recipient[] = [
    { kind: 'user', userId: 'u1' },
    { kind: 'supervisors', communityId: 'c1' },
  ];
  await s.listNotifications(recipients, 20);
  await s.pruneNotifications({ kind: 'user', userId: 'u1' }, 3);
  await s.addConsents('u1', ['orderProgress']);
  await s.takeConsent('u1', 'orderProgress');
  await s.consentsOf('u1');
  for (let i = 0; i < 4; i++)
    await s.recordSendings(
      [{ id: `ms${i}`, userId: 'u1', orderId: 'o1', step: 'accepted', template: 'orderProgress', outcome: 'sent', error: null, at: T0 + i }],
      2,
    );
  await s.listSendings('u1', 10);
  await s.markInboxRead('u1', 'o1', T0);
  await s.inboxReads('u1');
  await s.listDueForSweep(T0 + 86_400_000, 50);
  await s.listDueForSweep(T0 + 86_400_000, 50, encodeCursor(T0, 'o005'));
  for (const by of GROUP_BYS) await s.metricSums('c1', { from: T0, to: T0 + 30 * 86_400_000 }, by, T0);
  await s.metricSumsMany('c1', { from: T0, to: T0 + 30 * 86_400_000 }, [...GROUP_BYS], T0);
  // The statistics cut by compound and by building (core/stats-cut.ts), and a building's orders listed.
  await s.metricSumsMany('c1', { from: T0, to: T0 + 30 * 86_400_000 }, [...GROUP_BYS], T0, { compoundId: 'cp1', buildingId: null });
  await s.metricSumsMany('c1', { from: T0, to: T0 + 30 * 86_400_000 }, [...GROUP_BYS], T0, { compoundId: 'cp1', buildingId: 'b1' });
  await s.listOrders({ kind: 'community', communityId: 'c1' }, { buildingId: 'b1' }, { limit: 20 });
  await s.onBehalfCounts('c1', { from: T0, to: T0 + 30 * 86_400_000 });
  await s.onBehalfCounts('c1', { from: T0, to: T0 + 30 * 86_400_000 }, { compoundId: 'cp1', buildingId: 'b1' });

  // Past one page: the keyset continuation of fetchAll, by _id and by seq.
  const many = 1001;
  await seedRaw(
    names.refs.buildings,
    Array.from({ length: many }, (_, i) => ({ _id: `b-many-${i}`, id: `b-many-${i}`, communityId: 'c1', compoundId: 'cp1', name: `${i}栋` })),
  );
  await s.listRefs('buildings', 'c1');
  const long = orders[1]!;
  await seedRaw(
    names.events,
    Array.from({ length: many }, (_, i) => ({ _id: `${long.id}:${i + 10}`, ...makeEvent(long, i + 10) })),
  );
  expect((await s.listEvents(long.id)).length).toBeGreaterThan(many);

  await s.close();
  await s.clear();
}

beforeAll(async () => {
  Db.reqClass = fake.requester();
  const db = new Db({ env: 'index-walk' });
  await ensureCollections(
    db,
    schema.map((c) => c.name),
  );
  const inner = cloudBaseStoreOn(db, PREFIX);
  // Note which methods the walk reached, so a new store method cannot go unwalked.
  store = new Proxy(inner, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        called.add(String(key));
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  await walk(store);
}, 120_000);

describe('the database declaration (backend/storage/cloudbase/schema.ts)', () => {
  it('walks every method of the CloudBase store', () => {
    const fresh = cloudBaseStoreOn(new Db({ env: 'x' }), PREFIX) as unknown as Record<string, unknown>;
    const methods = Object.keys(fresh).filter((k) => typeof fresh[k] === 'function');
    expect(methods.filter((m) => !called.has(m))).toEqual([]);
  });

  it('declares exactly the collections the adapter uses', () => {
    expect(schema.map((c) => c.name).sort()).toEqual([...names.all].sort());
  });

  it('has an index for every query the adapter sends', () => {
    expect(fake.queries.length).toBeGreaterThan(100);
    expect(uncovered(fake.queries, schema)).toEqual([]);
  });

  it('declares no index that no query uses (each costs every write)', () => {
    expect(unused(fake.queries, schema)).toEqual([]);
  });

  it('names indexes as CloudBase accepts (letters, digits, _), unique per collection', () => {
    for (const c of schema) {
      for (const i of c.indexes) expect(i.name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
      expect(new Set(c.indexes.map((i) => i.name)).size).toBe(c.indexes.length);
    }
  });

  it('sees every order state in the recorded listings (the walk reached the state filters)', () => {
    const states = new Set(fake.queries.flatMap((q) => JSON.stringify(q.where).match(new RegExp(ORDER_STATES.join('|'), 'g')) ?? []));
    expect(states.size).toBeGreaterThan(1);
  });
});

describe('the coverage rule (query-coverage.ts), on hand-made queries', () => {
  const idx = {
    name: 'i',
    keys: [
      ['communityId', 1],
      ['updatedAt', -1],
      ['_id', -1],
    ],
  } as const;
  const one = (where: Record<string, unknown>) => branchesOf(where)[0]!;
  it.each([
    ['equality then sort, same way', { communityId: 'c1' }, [['updatedAt', -1]], true],
    [
      'equality then sort, both keys reversed',
      { communityId: 'c1' },
      [
        ['updatedAt', 1],
        ['_id', 1],
      ],
      true,
    ],
    [
      'sort keys in mixed directions',
      { communityId: 'c1' },
      [
        ['updatedAt', 1],
        ['_id', -1],
      ],
      false,
    ],
    ['a sort the index does not hold', { communityId: 'c1' }, [['createdAt', 1]], false],
    ['a query that does not start where the index starts', { state: 'closed' }, [], false],
    ['$in counts as equality', { communityId: { $in: ['c1', 'c2'] } }, [['updatedAt', -1]], true],
    ['a range on the first key, no sort', { communityId: { $gt: 'c' } }, [], true],
  ] as const)('%s', (_what, where, sort, expected) => {
    expect(serves(idx, one(where), sort as never)).toBe(expected);
  });

  it('needs every branch of an $or served', () => {
    const q = { collection: 'c', api: 'get', where: { $or: [{ communityId: 'c1' }, { state: 'x' }] }, sort: [] };
    expect(uncovered([q], [{ name: 'c', indexes: [idx] }])).toHaveLength(1);
    expect(uncovered([{ ...q, where: { communityId: 'c1', $or: [{ a: 1 }, { b: 2 }] } }], [{ name: 'c', indexes: [idx] }])).toEqual([]);
  });
});
