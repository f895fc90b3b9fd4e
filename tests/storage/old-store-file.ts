import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { HOUR, nextSweepAt, orderFacts, type Community, type Order } from '@core';
import { recipientKey } from '@backend/storage/order-index';
import type { StoredNotification, StoredReply } from '@backend/storage/port';

/**
 * The tables as schema version 2 created them, word for word: the file a store of that version left
 * on disk, for the tests that open such a file with today's program.
 */
const V2_SCHEMA = `
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
  -- the sweep's and the supervisor's queues
  next_sweep_at INTEGER,
  clock_level INTEGER NOT NULL DEFAULT 0,
  open_complaints INTEGER NOT NULL DEFAULT 0,
  open_instructions INTEGER NOT NULL DEFAULT 0,
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
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_community ON orders (community_id, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS orders_by_company ON orders (company_id, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS orders_by_worker ON orders (worker_id, state);
CREATE INDEX IF NOT EXISTS orders_by_team ON orders (team_id, state);
CREATE INDEX IF NOT EXISTS orders_by_creator ON orders (created_by);
CREATE INDEX IF NOT EXISTS orders_by_household ON orders (household_id);
CREATE INDEX IF NOT EXISTS orders_by_sweep ON orders (next_sweep_at) WHERE next_sweep_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS orders_by_created ON orders (community_id, created_at);
-- Cover the per-state counts that label every list's tabs.
CREATE INDEX IF NOT EXISTS orders_state_by_community ON orders (community_id, state);
CREATE INDEX IF NOT EXISTS orders_state_by_company ON orders (company_id, community_id, state);
-- Covers metricSums: the statistics read this index alone, never the order documents.
CREATE INDEX IF NOT EXISTS orders_metrics ON orders (community_id, counted, created_at, responded_on_time, settled,
  resolve_due_at, resolved, rated, satisfied, handling_ms, overdue, team_id, compound_id, company_id, category, worker_id);

CREATE TABLE IF NOT EXISTS order_events (
  order_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (order_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS notifications (
  id TEXT PRIMARY KEY,
  recipient TEXT NOT NULL,
  order_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_by_recipient ON notifications (recipient, at DESC);

-- A rowid table: each reply (the whole order view, a few KB) is appended at the end of the table's
-- b-tree and only the short key goes into an index. Keyed by the request key itself (WITHOUT ROWID),
-- the replies landed at random places in a b-tree whose cells cannot hold them, writing overflow
-- pages and splitting leaves on every commit.
CREATE TABLE IF NOT EXISTS replies (
  key TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  at INTEGER NOT NULL,
  reply TEXT NOT NULL
);
`;

/**
 * Writes a data file as version 2 of the program did: its orders indexed as it indexed them, the
 * sweep's next moment with a fixed two-hour interval whatever the community's setting.
 */
export function writeV2StoreFile(
  dir: string,
  data: { communities?: readonly Community[]; orders?: readonly Order[]; replies?: readonly StoredReply[]; notifications?: readonly StoredNotification[] },
): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'red-property.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(V2_SCHEMA);
  const b = (x: boolean) => (x ? 1 : 0);
  for (const c of data.communities ?? [])
    db.prepare("INSERT INTO refs (kind, id, community_id, doc) VALUES ('communities', ?, NULL, ?)").run(c.id, JSON.stringify(c));
  const insert = db.prepare(`INSERT INTO orders (id, version, community_id, compound_id, company_id, household_id, created_by, state, category,
    assign_mode, team_id, worker_id, created_at, updated_at, next_sweep_at, clock_level, open_complaints, open_instructions, counted,
    responded_on_time, resolve_due_at, settled, resolved, rated, satisfied, handling_ms, overdue, doc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const o of data.orders ?? []) {
    const f = orderFacts(o);
    const a = o.assignment;
    insert.run(
      o.id,
      o.version,
      o.communityId,
      o.compoundId,
      o.companyId,
      o.householdId,
      o.createdBy,
      o.state,
      o.category,
      a?.mode ?? null,
      a?.teamId ?? null,
      a?.mode === 'member' ? a.workerId : null,
      o.createdAt,
      o.updatedAt,
      nextSweepAt(o, 2 * HOUR),
      o.clock?.level ?? 0,
      o.complaints.filter((c) => !c.answer).length,
      o.instructions.filter((i) => !i.answer).length,
      b(f.counted),
      b(f.respondedOnTime),
      f.resolveDueAt,
      b(f.settled),
      b(f.resolved),
      b(f.rated),
      b(f.satisfied),
      f.handlingMs,
      b(f.overdue),
      JSON.stringify(o),
    );
  }
  for (const r of data.replies ?? [])
    db.prepare('INSERT INTO replies (key, fingerprint, at, reply) VALUES (?, ?, ?, ?)').run(r.key, r.fingerprint, r.at, JSON.stringify(r.reply));
  for (const n of data.notifications ?? [])
    db.prepare('INSERT INTO notifications (id, recipient, order_id, at, doc) VALUES (?, ?, ?, ?, ?)').run(
      n.id,
      recipientKey(n.to),
      n.orderId,
      n.at,
      JSON.stringify(n),
    );
  db.pragma('user_version = 2');
  db.close();
  return file;
}
