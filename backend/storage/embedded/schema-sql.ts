import type Database from 'better-sqlite3';
import { reindexEveryOrder } from './index-columns';
import { MESSAGE_SCHEMA } from './message-sql';
import { CUT_INDEXES, REBUILD_ROLLUPS_SQL, ROLLUP_SCHEMA } from './rollup-sql';
import { ON_BEHALF_INDEX } from './on-behalf-sql';

/**
 * Bumped whenever the tables change. A store of an older version is brought up to date by
 * MIGRATIONS on open; one of a newer version is refused rather than misread.
 */
export const SCHEMA_VERSION = 13;

/**
 * Notifications are appended to a rowid table (the end of its b-tree) and found by recipient through
 * one index of short entries. Keyed by their id as well (a TEXT PRIMARY KEY), every commit also wrote
 * a page of that index, which nothing reads.
 */
const NOTIFICATIONS_TABLE = (name: string) => `CREATE TABLE IF NOT EXISTS ${name} (
  id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  order_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${name}_by_recipient ON ${name} (recipient, at DESC);`;

/**
 * Columns of facts an order is placed with and keeps (its kind, building, proxy), read by partial
 * and building indexes. Indexes over the document (json_extract) were re-evaluated, parsing the
 * whole document twice, on every write of an order, since every write changes the document.
 */
const PLACED_COLUMNS = "kind TEXT NOT NULL DEFAULT 'service', building_id TEXT, proxy_relation TEXT";

/**
 * The embedded store's tables. Orders keep their whole document as JSON beside the columns that
 * scopes, filters and paging query; events, notifications and request replies are append-only.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS refs (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  community_id TEXT,
  doc TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS refs_by_community ON refs (kind, community_id);
CREATE INDEX IF NOT EXISTS refs_user_openid ON refs (json_extract(doc, '$.openid')) WHERE kind = 'users';

CREATE TABLE IF NOT EXISTS orders (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  community_id TEXT NOT NULL,
  compound_id TEXT NOT NULL,
  company_id TEXT NOT NULL,
  household_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  state TEXT NOT NULL,
  category TEXT NOT NULL,
  assign_mode TEXT,
  team_id TEXT,
  worker_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- the core's orderIndex: the sweep's next moment, holder, pool, open, the supervisor's queues
  next_sweep_at INTEGER,
  urgent_by INTEGER NOT NULL DEFAULT 8640000000000000,
  holder_id TEXT,
  pool_team_id TEXT,
  open INTEGER NOT NULL DEFAULT 1,
  queue_overdue INTEGER NOT NULL DEFAULT 0,
  queue_escalated INTEGER NOT NULL DEFAULT 0,
  queue_complaints INTEGER NOT NULL DEFAULT 0,
  queue_instructions INTEGER NOT NULL DEFAULT 0,
  -- the core's orderFacts, so the statistics are one GROUP BY
  counted INTEGER NOT NULL,
  responded_on_time INTEGER NOT NULL,
  resolve_due_at INTEGER NOT NULL,
  settled INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  rated INTEGER NOT NULL,
  satisfied INTEGER NOT NULL,
  handling_ms INTEGER,
  overdue INTEGER NOT NULL,
  -- set when placed, never changed: 诉求 or service, the building, who ordered on the resident's behalf
  ${PLACED_COLUMNS},
  doc TEXT NOT NULL
);
-- Every index of the orders costs a page in the commit (and its fsync) of each write that moves an
-- order's entry in it, so an index is here only for a read that would otherwise scan a community.
-- A community's orders, newest change first; a company's too (a community has one property company
-- or a few, so its orders are most of the community's: an index of their own cost every write a page).
-- Ascending, read backwards: a new order's entry goes to the end of its community's range, not to
-- the front, where SQLite's splits rewrote more pages (1.79 pages a create, now 1.25).
CREATE INDEX IF NOT EXISTS orders_by_community ON orders (community_id, updated_at, id);
-- A worker's orders by state; a team's orders (the supervisor's filter), not by state as well: an
-- order changes state four times after its team is set, and each change would move its entry between
-- two leaves. Partial: an order enters them when it is assigned, not as one more entry under NULL.
CREATE INDEX IF NOT EXISTS orders_by_worker ON orders (worker_id, state) WHERE worker_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS orders_by_team ON orders (team_id, community_id) WHERE team_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS orders_by_creator ON orders (created_by);
CREATE INDEX IF NOT EXISTS orders_by_household ON orders (household_id);
-- The sweep pages through due orders by (next moment, id).
CREATE INDEX IF NOT EXISTS orders_by_sweep ON orders (next_sweep_at, id) WHERE next_sweep_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS orders_by_holder ON orders (holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS orders_by_pool ON orders (pool_team_id) WHERE pool_team_id IS NOT NULL;
-- The open orders by when they were placed: the supervisor's queue of the longest waiting reads the
-- few open orders, not every closed one placed before them. Partial: an order leaves it when it ends.
CREATE INDEX IF NOT EXISTS orders_open ON orders (community_id, created_at) WHERE open = 1;
-- The dispatcher's 待派单 list, nearest deadline first.
CREATE INDEX IF NOT EXISTS orders_by_urgency ON orders (community_id, urgent_by, id);
-- Covers the per-state counts that label every list's tabs, a community's and a company's (a
-- community has one or a few companies), and a company's list of one state. One index: an order that
-- changes state moves between two leaves of each index keyed by state.
CREATE INDEX IF NOT EXISTS orders_by_state ON orders (community_id, state, company_id);
-- The supervisor's attention queues (counted on every board, listed on demand): each reads only its
-- own few orders, not the community's. Partial, so a write outside a queue costs them nothing.
CREATE INDEX IF NOT EXISTS orders_in_overdue ON orders (community_id, updated_at DESC, id DESC) WHERE queue_overdue = 1;
CREATE INDEX IF NOT EXISTS orders_in_escalated ON orders (community_id, updated_at DESC, id DESC) WHERE queue_escalated = 1;
CREATE INDEX IF NOT EXISTS orders_in_complaints ON orders (community_id, updated_at DESC, id DESC) WHERE queue_complaints = 1;
CREATE INDEX IF NOT EXISTS orders_in_instructions ON orders (community_id, updated_at DESC, id DESC) WHERE queue_instructions = 1;
-- 诉求 (a few among many service orders): the compound's board and the roundtable read only these.
-- Created on every open like the rest of this schema, so an older file gains it without a step.
CREATE INDEX IF NOT EXISTS orders_grievances ON orders (community_id, updated_at DESC, id DESC) WHERE kind = 'grievance';
-- Covers metricSums: the statistics read this index alone, never the order documents. Keyed by
-- (community, placed) first, so it is also the index of a community's orders by when they were
-- placed (the oldest-first queues, a period's orders): one index fewer that every new order enters.
CREATE INDEX IF NOT EXISTS orders_metrics ON orders (community_id, created_at, counted, responded_on_time, settled,
  resolve_due_at, resolved, rated, satisfied, handling_ms, overdue, team_id, compound_id, company_id, category, worker_id);

CREATE TABLE IF NOT EXISTS order_events (
  order_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (order_id, seq)
) WITHOUT ROWID;

${NOTIFICATIONS_TABLE('notifications')}

-- A rowid table: each reply (the order's id and version; a data file from before holds whole order views) is appended at the end of the table's
-- b-tree and only the short key goes into an index. Keyed by the request key itself (WITHOUT ROWID),
-- the replies landed at random places in a b-tree whose cells cannot hold them, writing overflow
-- pages and splitting leaves on every commit.
CREATE TABLE IF NOT EXISTS replies (
  key TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  at INTEGER NOT NULL,
  reply TEXT NOT NULL
);

-- The last order number given out per community and day (1130-017). Created on every open, so a
-- file of this schema version without it simply gains it: nothing else reads or changes.
CREATE TABLE IF NOT EXISTS order_numbers (
  community_id TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (community_id, day)
) WITHOUT ROWID;
${ROLLUP_SCHEMA}
${CUT_INDEXES}
${ON_BEHALF_INDEX}
${MESSAGE_SCHEMA}`;

/** The urgency key's column (NO_DEADLINE until reindexed) and its index, unless an earlier step added them. */
function addUrgencyColumn(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('orders')").pluck().all() as string[];
  if (!columns.includes('urgent_by')) db.exec('ALTER TABLE orders ADD COLUMN urgent_by INTEGER NOT NULL DEFAULT 8640000000000000');
  db.exec('CREATE INDEX IF NOT EXISTS orders_by_urgency ON orders (community_id, urgent_by, id)');
}

/**
 * What takes a store from the version it is keyed by to the next one (SQL, or a function when the
 * core must compute something); each runs in one transaction.
 */
export const MIGRATIONS: Readonly<Record<number, string | ((db: Database.Database) => void)>> = {
  1: `
CREATE TABLE replies_v2 (
  key TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  at INTEGER NOT NULL,
  reply TEXT NOT NULL
);
INSERT INTO replies_v2 (key, fingerprint, at, reply) SELECT key, fingerprint, at, reply FROM replies ORDER BY at;
DROP TABLE replies;
ALTER TABLE replies_v2 RENAME TO replies;
`,
  // 2 → 3: the order index comes from the core's orderIndex with the community's escalation interval
  // (it was computed with a fixed two hours); it gains holder, pool, open and queue flags, and
  // the sweep's index gains the id it pages by.
  2: (db) => {
    db.exec(`
ALTER TABLE orders ADD COLUMN holder_id TEXT;
ALTER TABLE orders ADD COLUMN pool_team_id TEXT;
ALTER TABLE orders ADD COLUMN open INTEGER NOT NULL DEFAULT 1;
ALTER TABLE orders ADD COLUMN queue_overdue INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN queue_escalated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN queue_complaints INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN queue_instructions INTEGER NOT NULL DEFAULT 0;
DROP INDEX IF EXISTS orders_by_sweep;
`);
    // The reindex writes every column of today's index, the later ones too.
    addUrgencyColumn(db);
    reindexEveryOrder(db);
    db.exec(`
ALTER TABLE orders DROP COLUMN clock_level;
ALTER TABLE orders DROP COLUMN open_complaints;
ALTER TABLE orders DROP COLUMN open_instructions;
`);
  },
  // 3 → 4: the index gains the urgency key (the running stage's deadline) that `urgent` listings sort by.
  3: (db) => {
    addUrgencyColumn(db);
    reindexEveryOrder(db);
  },
  // 4 → 5: the statistics read rollups kept by every commit (rollup-sql.ts); they start as a recount of the orders.
  4: (db) => {
    db.exec(ROLLUP_SCHEMA);
    db.exec(REBUILD_ROLLUPS_SQL);
  },
  // 5 → 6 (notify: subscribe messages and the inbox): consents, sendings and inbox reads start empty.
  5: MESSAGE_SCHEMA,
  // 6 → 7: commits queue their changes to the rollups (rollup-sql.ts), folded before the rollups are
  // read. Keyed so that an older program, which would not fold the queue, refuses the file.
  6: 'CREATE TABLE IF NOT EXISTS rollup_queue (seq INTEGER PRIMARY KEY, before TEXT, after TEXT);',
  // 7 → 8: notifications without the index of their ids (NOTIFICATIONS_TABLE), copied over in order.
  7: `${NOTIFICATIONS_TABLE('notifications_appended')}
INSERT INTO notifications_appended (id, recipient, order_id, at, doc) SELECT id, recipient, order_id, at, doc FROM notifications ORDER BY rowid;
DROP TABLE notifications;
ALTER TABLE notifications_appended RENAME TO notifications;
DROP INDEX notifications_appended_by_recipient;
CREATE INDEX notifications_by_recipient ON notifications (recipient, at DESC);`,
  // 8 → 9: kind, building and proxy as columns of their own (PLACED_COLUMNS), filled from the
  // documents; the indexes over the documents give way to indexes over them (created by SCHEMA).
  8: `${PLACED_COLUMNS.split(', ')
    .map((c) => `ALTER TABLE orders ADD COLUMN ${c};`)
    .join('\n')}
UPDATE orders SET kind = COALESCE(json_extract(doc, '$.kind'), 'service'), building_id = json_extract(doc, '$.buildingId'),
  proxy_relation = json_extract(doc, '$.proxy.relation');
DROP INDEX IF EXISTS orders_grievances;
DROP INDEX IF EXISTS orders_by_building;
DROP INDEX IF EXISTS orders_on_behalf;`,
  // 9 → 10: the urgency key lists the orders that need attention (late, complained about, 督办)
  // before the rest (core urgencyOf); every order's index is derived again.
  9: reindexEveryOrder,
  // 10 → 11: fewer pages in every commit (see the orders' indexes in SCHEMA, which creates the new
  // ones): one index for the counts by state, a community's and a company's; a team's orders without
  // their state, and the team's and worker's indexes for assigned orders only; none of a company's own.
  10: `DROP INDEX IF EXISTS orders_state_by_community;
DROP INDEX IF EXISTS orders_state_by_company;
DROP INDEX IF EXISTS orders_by_team;
DROP INDEX IF EXISTS orders_by_worker;
DROP INDEX IF EXISTS orders_by_company;`,
  // 11 → 12: the statistics' covering index is keyed by (community, placed) and serves the readers of
  // a period's orders, whose own index goes; the open orders by when placed get a partial index
  // (SCHEMA creates both).
  11: `DROP INDEX IF EXISTS orders_by_created;
DROP INDEX IF EXISTS orders_metrics;`,
  // 12 → 13: a community's orders by last change in ascending order (SCHEMA creates it again).
  12: 'DROP INDEX IF EXISTS orders_by_community;',
};
