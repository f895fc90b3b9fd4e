import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY, GROUP_BYS, MINUTE, type Community, type Order } from '@core';
import { SCHEMA_VERSION } from '@backend/storage/embedded/schema-sql';
import { dayStart } from '@backend/storage/rollups';
import { byKey, expectedSums } from './contract/reference-model';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { T0, makeNotification, makeOrder } from './fixtures';
import { writeV2StoreFile } from './old-store-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-migrate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const settings = {
  defaultDeadlines: { dispatch: 30, accept: 30, start: 120, complete: 1440, confirm: 4320 },
  weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 },
};
/** A community that escalates every 30 minutes: version 2 indexed its orders as if it were two hours. */
const quick: Community = { id: 'c1', name: '河东社区', secretaryUserId: null, settings: { ...settings, escalationMinutes: 30 } };

const orders: Order[] = [
  // overdue since T0: next level due at T0 + 30 min, where version 2 stored T0 + 2 h
  makeOrder({ id: 'late', clock: { stage: 'dispatch', enteredAt: T0 - 30 * MINUTE, dueAt: T0, level: 1 }, overdueStages: ['dispatch'] }),
  makeOrder({
    id: 'held',
    state: 'accepted',
    assignment: { mode: 'member', teamId: 't1', workerId: 'w1' },
    complaints: [{ seq: 2, text: '还没人来', at: T0, answer: null }],
  }),
  makeOrder({ id: 'pooled', state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } }),
  makeOrder({ id: 'done', state: 'closed', closedAt: T0 + 60 * MINUTE }),
];

describe('opening a data file of schema version 2', () => {
  const at = path.join(dir, 'v2');
  const told = [
    makeNotification('n1', { kind: 'user', userId: 'u1' }, T0, 'held'),
    makeNotification('n2', { kind: 'team', teamId: 't1' }, T0 + MINUTE, 'pooled'),
  ];
  const file = writeV2StoreFile(at, { communities: [quick], orders, notifications: told });
  /** Takes the file back to an older version (its SQL, then its version number) and opens it as the store. */
  const reopenedFrom = (version: number, sql: string) => {
    const db = new Database(file);
    db.exec(sql);
    db.pragma(`user_version = ${version}`);
    db.close();
    return openSqliteStore(at);
  };
  /** The SQL of each index of the file as it is now (undefined for one that is gone). */
  const indexSqlsNow = () => {
    const read = new Database(file, { readonly: true });
    const sqls = new Map(
      (read.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all() as { name: string; sql: string | null }[]).map((r) => [r.name, r.sql]),
    );
    read.close();
    return (name: string) => sqls.get(name);
  };

  it('migrates it in place to the order index the core derives, with the community’s own escalation interval', async () => {
    const store = openSqliteStore(at);
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare('PRAGMA table_info(orders)').all() as { name: string }[]).map((c) => c.name);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // No index of the orders reads their documents: each would parse the document on every write.
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL").all() as {
      name: string;
      sql: string;
    }[];
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['orders_grievances', 'orders_by_building', 'orders_on_behalf']));
    expect(indexes.filter((i) => i.sql.includes('json_extract')).map((i) => i.name)).toEqual([]);
    db.close();
    expect(columns).toEqual(
      expect.arrayContaining([
        'holder_id',
        'pool_team_id',
        'open',
        'queue_overdue',
        'queue_escalated',
        'queue_complaints',
        'queue_instructions',
        'urgent_by',
        'kind',
        'building_id',
        'proxy_relation',
      ]),
    );
    expect(columns).not.toContain('clock_level');

    expect((await store.listDueForSweep(T0 + 30 * MINUTE, 10)).items.map((o) => o.id)).toEqual(['late']);
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
    const community = { kind: 'community', communityId: 'c1' } as const;
    const listed = async (filter: object) => (await store.listOrders(community, filter, { limit: 10 })).items.map((o) => o.id).sort();
    expect(await listed({ attention: 'complaints' })).toEqual(['held']);
    expect(await listed({ attention: 'overdue' })).toEqual(['late']);
    expect(await listed({ open: false })).toEqual(['done']);
    // The urgency key is derived too: the orders that need attention (late, complained about) head the urgent listing.
    const urgent = (await store.listOrders(community, {}, { limit: 10, sort: 'urgent' })).items.map((o) => o.id);
    expect(urgent.slice(0, 2).sort()).toEqual(['held', 'late']);
    const pool = await store.listOrders({ kind: 'worker', communityId: 'c1', workerId: 'w9', poolTeamIds: ['t1'] }, {}, { limit: 10 });
    expect(pool.items.map((o) => o.id)).toEqual(['pooled']);
    for (const o of orders) expect(await store.getOrder(o.id)).toEqual(o);
    // The notifications are copied into their new table (without the index of their ids), newest first.
    expect(
      await store.listNotifications(
        [
          { kind: 'user', userId: 'u1' },
          { kind: 'team', teamId: 't1' },
        ],
        10,
      ),
    ).toEqual([told[1], told[0]]);
    await store.close();
  });

  it('starts the statistics rollups as a recount of the orders it holds', async () => {
    const store = openSqliteStore(at);
    const period = { from: dayStart(T0) - DAY, to: dayStart(T0) + 2 * DAY }; // whole days: read from the rollups alone
    const asOf = T0 + 2 * DAY;
    expect((await store.metricSums('c1', period, 'all', asOf))[0]?.sums.orders).toBe(orders.length);
    for (const by of GROUP_BYS) expect(byKey(await store.metricSums('c1', period, by, asOf)), by).toEqual(byKey(expectedSums(orders, 'c1', period, by, asOf)));
    await store.close();
  });

  it('opens the migrated file again as it is', async () => {
    const store = openSqliteStore(at);
    expect((await store.listDueForSweep(T0 + 30 * MINUTE, 10)).items.map((o) => o.id)).toEqual(['late']);
    await store.close();
  });

  it('derives the urgency key again from version 9, whose key knew only deadlines', async () => {
    // Version 9 keyed an order by its running deadline alone: the complained-about order, whose
    // stage has no deadline, came after every order with one.
    const store = reopenedFrom(9, "UPDATE orders SET urgent_by = 8640000000000000 WHERE id = 'held'");
    const community = { kind: 'community', communityId: 'c1' } as const;
    const urgent = (await store.listOrders(community, { open: true }, { limit: 10, sort: 'urgent' })).items.map((o) => o.id);
    expect(urgent.slice(0, 2).sort()).toEqual(['held', 'late']);
    await store.close();
  });

  it('drops from version 10 the order indexes that made every write a page longer', async () => {
    // Version 10 kept two state indexes (a community's, a company's) and a company's own index; its
    // team and worker indexes held every order, the team's keyed by state as well.
    const store = reopenedFrom(
      10,
      `DROP INDEX orders_by_state; DROP INDEX orders_by_team;
      CREATE INDEX orders_state_by_community ON orders (community_id, state);
      CREATE INDEX orders_state_by_company ON orders (company_id, community_id, state);
      DROP INDEX orders_by_worker; CREATE INDEX orders_by_worker ON orders (worker_id, state);
      CREATE INDEX orders_by_team ON orders (team_id, state);
      CREATE INDEX orders_by_company ON orders (company_id, updated_at DESC, id DESC);`,
    );
    const indexSql = indexSqlsNow();
    expect(indexSql('orders_state_by_community')).toBeUndefined();
    expect(indexSql('orders_state_by_company')).toBeUndefined();
    expect(indexSql('orders_by_company')).toBeUndefined();
    expect(indexSql('orders_by_state')).toContain('(community_id, state, company_id)');
    expect(indexSql('orders_by_team')).toContain('(team_id, community_id) WHERE team_id IS NOT NULL');
    expect(indexSql('orders_by_worker')).toContain('WHERE worker_id IS NOT NULL');
    const company = { kind: 'company', communityId: 'c1', companyId: orders[0]!.companyId } as const;
    expect(await store.countByState(company, {})).toMatchObject({ pending_dispatch: 1, accepted: 1, pending_accept: 1, closed: 1 });
    expect((await store.listOrders(company, {}, { limit: 10 })).items).toHaveLength(orders.length);
    expect(await store.countByState({ kind: 'community', communityId: 'c1' }, { teamId: 't1' })).toMatchObject({ accepted: 1, pending_accept: 1, closed: 0 });
    await store.close();
  });

  it('drops from version 11 the index of orders by when placed, which the statistics’ index and the open orders’ serve', async () => {
    // Version 11 kept the community's orders by when placed as an index of their own, and the
    // statistics' index keyed by (community, counted, placed).
    const store = reopenedFrom(
      11,
      `DROP INDEX orders_open; DROP INDEX orders_metrics;
      CREATE INDEX orders_by_created ON orders (community_id, created_at);
      CREATE INDEX orders_metrics ON orders (community_id, counted, created_at, responded_on_time, settled,
        resolve_due_at, resolved, rated, satisfied, handling_ms, overdue, team_id, compound_id, company_id, category, worker_id);`,
    );
    const indexSql = indexSqlsNow();
    expect(indexSql('orders_by_created')).toBeUndefined();
    expect(indexSql('orders_metrics')).toContain('(community_id, created_at, counted,');
    expect(indexSql('orders_open')).toContain('(community_id, created_at) WHERE open = 1');
    const community = { kind: 'community', communityId: 'c1' } as const;
    const waiting = (await store.listOrders(community, { open: true }, { limit: 10, sort: 'oldest' })).items.map((o) => o.id);
    expect(waiting.sort()).toEqual(['held', 'late', 'pooled']);
    const placed = await store.listOrders(community, { createdFrom: T0 - DAY, createdTo: T0 + DAY }, { limit: 10, sort: 'oldest' });
    expect(placed.items).toHaveLength(orders.length);
    const period = { from: dayStart(T0) - DAY, to: dayStart(T0) + 2 * DAY };
    expect((await store.metricSums('c1', period, 'all', T0 + 2 * DAY))[0]?.sums.orders).toBe(orders.length);
    await store.close();
  });

  it('rebuilds from version 12 the index of a community’s orders in ascending order, and still lists the newest change first', async () => {
    // Version 12 kept the index in descending order, so a new order's entry went to the front of its community's range.
    const store = reopenedFrom(12, 'DROP INDEX orders_by_community; CREATE INDEX orders_by_community ON orders (community_id, updated_at DESC, id DESC);');
    expect(indexSqlsNow()('orders_by_community')).toContain('(community_id, updated_at, id)');
    const community = { kind: 'community', communityId: 'c1' } as const;
    const newestFirst = [...orders].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map((o) => o.id);
    const first = await store.listOrders(community, {}, { limit: 2 });
    const rest = await store.listOrders(community, {}, { limit: 10, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((o) => o.id)).toEqual(newestFirst);
    await store.close();
  });
});
