import Database from 'better-sqlite3';
import { ORDER_STATES, isCut, pairedWith, type GroupBy, type Order, type OrderEvent, type OrderScope, type OrderState, type User } from '@core';
import type { Commit, CommitResult, OrderFilter, Page, PageRequest, ReferenceKind, ReferenceTypes, Store, StoredNotification, StoredReply } from '../port';
import { decodeCursor, encodeCursor, recipientKey } from '../order-index';
import { INDEX_ASSIGNMENTS, INDEX_COLUMNS, indexParams } from './index-columns';
import { translatingOutages } from '../outage';
import { countQuery, cursorKey, pageQuery } from './order-sql';
import { FACT_COLUMN_NAMES, FACT_COLUMNS, FOLD_ROWS, factsOfRow, rollupStatements, type FactRow } from './rollup-sql';
import { groupEntries, groupRows, mergeGroups } from '../rollups';
import { groupCommitter, type Settled } from './group-commit';
import { onBehalfStatement } from './on-behalf-sql';
import { orderCache, type StoredEvent } from './order-cache';
import { deepFreeze } from './deep-freeze';
import { refCache, type RefRow } from './ref-cache';
import { committedWithoutOwnFsync, openDataFile, type OpenOptions } from './data-file';
import { CLEAR_MESSAGES_SQL, messageLedger } from './message-sql';

const communityOf = (kind: ReferenceKind, doc: { communityId?: string }) => (kind === 'communities' || kind === 'companies' ? null : (doc.communityId ?? null));

/** Order numbers reserved by a day's first write, and at most by one write (see numberBlocks). */
const FIRST_NUMBER_BLOCK = 8;
const LARGEST_NUMBER_BLOCK = 64;

/** The columns an update may change, each with its parameter in `row` (version and doc always change). */
const UPDATED_COLUMNS = [
  ['state', 'state'],
  ['assign_mode', 'assignMode'],
  ['team_id', 'teamId'],
  ['worker_id', 'workerId'],
  ['updated_at', 'updatedAt'],
  ...INDEX_COLUMNS,
] as const;
type StoredRow = { version: number } & Record<(typeof UPDATED_COLUMNS)[number][0], unknown>;

const zeroCounts = () => Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;

/**
 * The embedded default: SQLite through better-sqlite3, in WAL mode with synchronous=FULL, so a
 * commit that returned is on disk and a killed process loses nothing it acknowledged. Commits run
 * in IMMEDIATE transactions, those asked for together sharing one (group commit); the version
 * check makes each a compare-and-set.
 */
export function openSqliteStore(dir: string, options: OpenOptions = {}): Store {
  const db = openDataFile(dir, options);
  // The order cache hands what it keeps to every reader (order-cache.ts). The test command sets
  // RP_FREEZE_SHARED_ORDERS, so that there a reader that changes an order fails at once; in use
  // nothing is frozen, since the core copies orders all the time and a frozen one copies slowly.
  const shared: (order: Order) => Order = process.env.RP_FREEZE_SHARED_ORDERS === '1' ? deepFreeze : (order) => order;

  const st = {
    refsOfKind: db.prepare('SELECT id, community_id AS communityId, doc FROM refs WHERE kind = ?'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    // Two statements in one transaction rather than one with RETURNING: SQLite answers RETURNING
    // through a table of its own, made with a fresh page cache on every run, and that took 0.22–0.25 ms
    // of a block's 0.28 (malloc'd anew and page-faulted when the last run was a while ago).
    reserveNumbers: db.prepare(
      'INSERT INTO order_numbers (community_id, day, last) VALUES (?, ?, ?) ON CONFLICT (community_id, day) DO UPDATE SET last = last + excluded.last',
    ),
    lastNumber: db.prepare('SELECT last FROM order_numbers WHERE community_id = ? AND day = ?').pluck(),
    insertRef: db.prepare('INSERT INTO refs (kind, id, community_id, doc) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO NOTHING'),
    dueForSweep: db.prepare(
      'SELECT next_sweep_at AS at, id, doc FROM orders WHERE next_sweep_at IS NOT NULL AND next_sweep_at <= ? AND (next_sweep_at, id) > (?, ?) ORDER BY next_sweep_at, id LIMIT ?',
    ),
    reindex: db.prepare(`UPDATE orders SET ${INDEX_ASSIGNMENTS} WHERE id = @id AND version = @version`),
    deleteRef: db.prepare('DELETE FROM refs WHERE kind = ? AND id = ?'),
    putRef: db.prepare(
      'INSERT INTO refs (kind, id, community_id, doc) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET community_id = excluded.community_id, doc = excluded.doc',
    ),
    userByOpenid: db.prepare("SELECT doc FROM refs WHERE kind = 'users' AND json_extract(doc, '$.openid') = ?"),
    getOrder: db.prepare('SELECT doc FROM orders WHERE id = ?'),
    docsOf: db.prepare('SELECT id, doc FROM orders WHERE id IN (SELECT value FROM json_each(?))'),
    orderVersion: db.prepare(`SELECT version, ${FACT_COLUMNS} FROM orders WHERE id = ?`),
    storedColumns: db.prepare(
      `SELECT version, ${[...new Set([...UPDATED_COLUMNS.map((c) => c[0]), ...FACT_COLUMN_NAMES])].join(', ')} FROM orders WHERE id = ?`,
    ),
    insertOrder: db.prepare(
      `INSERT INTO orders (id, version, community_id, compound_id, company_id, household_id, created_by, state, category,
        assign_mode, team_id, worker_id, created_at, updated_at, kind, building_id, proxy_relation, ${INDEX_COLUMNS.map((c) => c[0]).join(', ')}, doc)
       VALUES (@id, @version, @communityId, @compoundId, @companyId, @householdId, @createdBy, @state, @category,
        @assignMode, @teamId, @workerId, @createdAt, @updatedAt, @kind, @buildingId, @proxyRelation, ${INDEX_COLUMNS.map((c) => `@${c[1]}`).join(', ')}, @doc)`,
    ),
    insertEvent: db.prepare('INSERT INTO order_events (order_id, seq, at, doc) VALUES (?, ?, ?, ?)'),
    listEvents: db.prepare('SELECT doc FROM order_events WHERE order_id = ? ORDER BY seq'),
    listEventsBefore: db.prepare('SELECT doc FROM order_events WHERE order_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    // Seqs run 1…n without gaps (the core numbers them): the newest page is the range above max − limit,
    // read forwards, which costs SQLite a third less than stepping backwards with ORDER BY seq DESC.
    listNewestEvents: db.prepare(
      'SELECT seq, doc FROM order_events WHERE order_id = @orderId AND seq > (SELECT max(seq) FROM order_events WHERE order_id = @orderId) - @limit ORDER BY seq',
    ),
    replyAtOrAfter: db.prepare('SELECT rowid, at FROM replies WHERE rowid >= ? ORDER BY rowid LIMIT 1'),
    replyRowids: db.prepare('SELECT min(rowid) AS lo, max(rowid) AS hi FROM replies'),
    pruneReplies: db.prepare('DELETE FROM replies WHERE rowid < ? AND at < ?'),
    insertNotification: db.prepare('INSERT INTO notifications (id, recipient, order_id, at, doc) VALUES (?, ?, ?, ?, ?)'),
    getReply: db.prepare('SELECT key, fingerprint, at, reply FROM replies WHERE key = ?'),
    insertReply: db.prepare('INSERT INTO replies (key, fingerprint, at, reply) VALUES (?, ?, ?, ?)'),
  };

  const withoutOwnFsync = committedWithoutOwnFsync(db);
  const rollups = rollupStatements(db, withoutOwnFsync);
  const onBehalf = onBehalfStatement(db);

  // The index's columns spread last: a literal that starts with a spread and then adds keys of its
  // own is built key by key through new hidden classes, about 30 µs a write instead of 2.
  const row = (o: Order, ix: Commit['index']) => ({
    id: o.id,
    version: o.version,
    communityId: o.communityId,
    compoundId: o.compoundId,
    companyId: o.companyId,
    householdId: o.householdId,
    createdBy: o.createdBy,
    state: o.state,
    category: o.category,
    assignMode: o.assignment?.mode ?? null,
    teamId: o.assignment?.teamId ?? null,
    workerId: o.assignment?.mode === 'member' ? o.assignment.workerId : null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    // Set when placed and never changed: written by the INSERT only (updateChanged leaves them).
    kind: o.kind ?? 'service',
    buildingId: o.buildingId ?? null,
    proxyRelation: o.proxy?.relation ?? null,
    doc: JSON.stringify(o),
    ...indexParams(ix),
  });

  /**
   * Writes only the columns whose value changed. SQLite rewrites an index entry for every index on a
   * column named in SET, changed or not, so naming all of them cost every transition a page in each
   * of the order's indexes; a transition changes a few. One statement per set of columns, kept.
   */
  const updates = new Map<number, Database.Statement>();
  const updateChanged = (stored: StoredRow, next: ReturnType<typeof row>) => {
    // The changed columns as a bit set (23 columns): the key of the statement that names them.
    let changed = 0;
    for (let i = 0; i < UPDATED_COLUMNS.length; i++) {
      const [col, key] = UPDATED_COLUMNS[i]!;
      if (stored[col] !== next[key]) changed |= 1 << i;
    }
    let update = updates.get(changed);
    if (!update) {
      const set = UPDATED_COLUMNS.filter((_, i) => changed & (1 << i)).map(([col, key]) => `${col} = @${key}`);
      update = db.prepare(`UPDATE orders SET ${['version = @version', ...set, 'doc = @doc'].join(', ')} WHERE id = @id`);
      if (updates.size > 200) updates.clear();
      updates.set(changed, update);
    }
    update.run(next);
  };

  const heldByOthers = db.prepare('SELECT COUNT(*) AS n FROM orders WHERE holder_id = ? AND id <> ?') as Database.Statement<unknown[], { n: number }>;
  /** Whether the worker would hold more than their cap once this order is written as it is in `c`. */
  const overCapacity = (c: Commit & { capacity: NonNullable<Commit['capacity']> }) => {
    const counts = c.index.holder === c.capacity.workerId;
    return heldByOthers.get(c.capacity.workerId, c.order.id)!.n + (counts ? 1 : 0) > c.capacity.max;
  };
  /**
   * One commit's reads and writes, inside a transaction the caller holds. Every check comes before
   * the first write, so a commit that conflicts leaves nothing behind and needs no savepoint.
   */
  const apply = (c: Commit): CommitResult => {
    if (c.reply && st.getReply.get(c.reply.key)) return { ok: false, conflict: 'request' };
    const stored = st.storedColumns.get(c.order.id) as (FactRow & StoredRow) | undefined;
    if (c.expectedVersion === null ? stored : stored?.version !== c.expectedVersion) return { ok: false, conflict: 'version' };
    if (c.capacity && overCapacity({ ...c, capacity: c.capacity })) return { ok: false, conflict: 'capacity' };
    // Forgotten before the write, so even a write that rolls back leaves nothing stale behind.
    const tailBefore = orders.tailOf(c.order.id);
    orders.changing(c.order.id);
    const next = row(c.order, c.index);
    if (!stored) st.insertOrder.run(next);
    else updateChanged(stored, next);
    rollups.record(stored ? factsOfRow(stored) : null, c.index.facts);
    const events: StoredEvent[] = [];
    for (const e of c.events) {
      const doc = JSON.stringify(e);
      st.insertEvent.run(e.orderId, e.seq, e.at, doc);
      if (e.orderId === c.order.id) events.push({ seq: e.seq, doc });
      else foreign.push(e.orderId);
    }
    written.push({ orderId: c.order.id, order: c.order, events, tailBefore });
    for (const n of c.notifications) st.insertNotification.run(n.id, recipientKey(n.to), n.orderId, n.at, JSON.stringify(n));
    if (c.reply) st.insertReply.run(c.reply.key, c.reply.fingerprint, c.reply.at, JSON.stringify(c.reply.reply ?? null));
    return { ok: true };
  };
  const alone = db.transaction(apply);
  const together = db.transaction((changes: readonly Commit[]) => changes.map(apply));
  /** What the transaction now running wrote: told to the order cache once it is on disk, dropped if it is not. */
  let written: { orderId: string; order: Order; events: StoredEvent[]; tailBefore: readonly StoredEvent[] | undefined }[] = [];
  /** Orders that got an event from another order's commit: forgotten whole once it is on disk. */
  let foreign: string[] = [];
  const settled = (committed: boolean) => {
    if (committed) for (const w of written) orders.wrote(w.orderId, shared(w.order), w.events, w.tailBefore);
    for (const id of foreign) orders.changing(id);
    written = [];
    foreign = [];
  };
  const settleAlone = (c: Commit): Settled<CommitResult> => {
    let value: CommitResult;
    try {
      value = alone.immediate(c);
    } catch (e) {
      settled(false);
      return { ok: false, error: e };
    }
    // Outside the try: what is on disk stays reported as written, whatever the cache does.
    settled(true);
    return { ok: true, value };
  };
  // A batch is one transaction. Conflicts write nothing, so they need no savepoint (whose statement
  // journal would copy every page a commit changes); a commit that throws (a broken write) rolls
  // the whole batch back, and then each of its commits is run alone, so only that one fails.
  const committer = groupCommitter((changes: readonly Commit[]) => {
    if (changes.length === 1) return [settleAlone(changes[0]!)];
    let values: CommitResult[];
    try {
      values = together.immediate(changes);
    } catch {
      settled(false);
      return changes.map(settleAlone);
    }
    settled(true);
    return values.map((value) => ({ ok: true, value }));
  });

  /** Reserves the next `size` numbers of a community's day, atomically; answers the last of them. */
  const reserveNumbers = db.transaction((communityId: string, day: string, size: number): number => {
    st.reserveNumbers.run(communityId, day, size);
    return st.lastNumber.get(communityId, day) as number;
  });
  /**
   * Order numbers are taken from the file a block at a time, as a database sequence caches its
   * values: only the first order of each block pays a write of its own. A restart skips what is
   * left of a block, so numbers stay unique and increasing, not dense. A day's blocks grow 8, 16, 32,
   * then 64: a quiet day skips few numbers on a restart, and a busy one writes once per 64 orders
   * (with blocks of 8, one create in eight paid for a write of its own, about 0.2 ms here, and that
   * was create's p95).
   */
  const numberBlocks = new Map<string, { next: number; last: number; size: number }>();

  // Scope and filter combinations vary per call; cache their statements rather than re-prepare.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size > 500) statements.clear();
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };

  const parse = <T>(r: unknown): T => JSON.parse((r as { doc: string }).doc) as T;

  let dataVersion = st.dataVersion.get();
  let writesSeen = 0;
  // Asked once per turn of the event loop, not on every read: a request reads several documents
  // in one turn, and the PRAGMA costs about what a read by key does. Another connection's write
  // is seen from the next turn on.
  let askedThisTurn = false;
  const nextTurn = () => {
    askedThisTurn = false;
  };
  /** A count that moves when another connection to the file has committed: the caches' cue to forget. */
  const writesElsewhere = () => {
    if (!askedThisTurn) {
      askedThisTurn = true;
      setImmediate(nextTurn);
      const now = st.dataVersion.get();
      if (now !== dataVersion) {
        dataVersion = now;
        writesSeen++;
      }
    }
    return writesSeen;
  };
  const refs = refCache(
    (kind) => (st.refsOfKind.all(kind) as { id: string; communityId: string | null; doc: string }[]).map((r) => ({ ...r, doc: JSON.parse(r.doc) })),
    writesElsewhere,
  );
  const orders = orderCache<Order>(writesElsewhere);
  /** A reference document as it is stored, and as the cache keeps it (its own parsed copy). */
  const refRow = (kind: ReferenceKind, doc: { id: string; communityId?: string }) => {
    const json = JSON.stringify(doc);
    return { json, row: { id: doc.id, communityId: communityOf(kind, doc), doc: JSON.parse(json) } satisfies RefRow };
  };

  const store: Store = {
    kind: 'embedded',
    ...messageLedger(db, withoutOwnFsync),
    async getRef<K extends ReferenceKind>(kind: K, id: string) {
      return refs.get(kind, id) as ReferenceTypes[K] | null;
    },
    async listRefs<K extends ReferenceKind>(kind: K, communityId?: string) {
      // Communities and companies belong to no community: asked for with one, they are all listed.
      const global = kind === 'communities' || kind === 'companies';
      return refs.list(kind, global ? undefined : communityId) as ReferenceTypes[K][];
    },
    async putRefs<K extends ReferenceKind>(kind: K, docs: readonly ReferenceTypes[K][]) {
      const written = docs.map((d) => refRow(kind, d as { id: string; communityId?: string }));
      db.transaction(() => {
        for (const { json, row: r } of written) st.putRef.run(kind, r.id, r.communityId, json);
      }).immediate();
      refs.wrote(
        kind,
        written.map((w) => w.row),
      );
    },
    async deleteRef(kind, id) {
      st.deleteRef.run(kind, id);
      refs.removed(kind, id);
    },
    async findUserByOpenid(openid) {
      const r = st.userByOpenid.get(openid);
      return r ? parse(r) : null;
    },
    async findUsersByOpenid(openid) {
      return st.userByOpenid.all(openid).map((r) => parse<User>(r));
    },
    async usersCaringFor(communityId, householdId) {
      const byHousehold = refs.indexed('users', communityId, 'caresFor', (u) => pairedWith(u as User));
      return [...(byHousehold.get(householdId) ?? [])] as User[];
    },
    async getOrder(id) {
      return orders.order(id, () => {
        const r = st.getOrder.get(id) as { doc: string } | undefined;
        return r ? shared(JSON.parse(r.doc) as Order) : null;
      });
    },
    async listOrders(scope: OrderScope, filter: OrderFilter, page: PageRequest): Promise<Page<Order>> {
      const sort = page.sort ?? 'recent';
      const query = pageQuery(scope, filter, sort, page.cursor ? decodeCursor(page.cursor) : null, page.limit + 1);
      const ids = prepared(query.sql)
        .all(...query.params)
        .map((r) => (r as { id: string }).id);
      const items = orders.orders(ids.slice(0, page.limit), (missing) => {
        const rows = st.docsOf.all(JSON.stringify(missing)) as { id: string; doc: string }[];
        // Not kept, but frozen under the tests like the kept ones, so that no reader relies on the difference.
        return new Map(rows.map((r) => [r.id, shared(JSON.parse(r.doc) as Order)]));
      });
      const last = items[items.length - 1];
      return { items, nextCursor: ids.length > page.limit && last ? encodeCursor(cursorKey(sort, last), last.id) : null };
    },
    async countByState(scope, filter) {
      const counts = zeroCounts();
      const query = countQuery(scope, filter);
      const rows = prepared(query.sql).all(...query.params);
      for (const r of rows as { state: OrderState; n: number }[]) if (query.keeps(r.state)) counts[r.state] = r.n;
      return counts;
    },
    async openOrdersOf(workerIds) {
      const result: Record<string, number> = Object.fromEntries(workerIds.map((id) => [id, 0]));
      if (workerIds.length === 0) return result;
      const rows = prepared(
        `SELECT holder_id AS w, COUNT(*) AS n FROM orders WHERE holder_id IN (${workerIds.map(() => '?').join(', ')}) GROUP BY holder_id`,
      ).all(...workerIds);
      for (const r of rows as { w: string; n: number }[]) result[r.w] = r.n;
      return result;
    },
    async listEvents(orderId, page) {
      if (!page) return st.listEvents.all(orderId).map((r) => parse<OrderEvent>(r));
      if (page.beforeSeq === null) {
        const read = () => st.listNewestEvents.all({ orderId, limit: page.limit }) as StoredEvent[];
        return orders.newestEvents(orderId, page.limit, read).map((r) => parse<OrderEvent>(r));
      }
      const newest = st.listEventsBefore.all(orderId, page.beforeSeq, page.limit);
      return newest.map((r) => parse<OrderEvent>(r)).reverse();
    },
    async listNotifications(recipients, limit) {
      if (recipients.length === 0) return [];
      const keys = recipients.map(recipientKey);
      return prepared(`SELECT doc FROM notifications WHERE recipient IN (${keys.map(() => '?').join(', ')}) ORDER BY at DESC, id DESC LIMIT ?`)
        .all(...keys, Math.max(0, limit))
        .map((r) => parse<StoredNotification>(r));
    },
    async nextOrderNumber(communityId, day) {
      const key = `${communityId}|${day}`;
      const block = numberBlocks.get(key);
      if (block && block.next <= block.last) return block.next++;
      // One transaction reserves the block, so atomic: two processes get two blocks. A power cut before
      // the order's own commit loses the numbers and the order together, never a number of an order on disk.
      const size = block ? Math.min(LARGEST_NUMBER_BLOCK, block.size * 2) : FIRST_NUMBER_BLOCK;
      const last = withoutOwnFsync(() => reserveNumbers.immediate(communityId, day, size));
      // Past days' blocks are done with; dropped wholesale now and then (a few numbers skipped at worst).
      if (numberBlocks.size >= 256) numberBlocks.clear();
      numberBlocks.set(key, { next: last - size + 2, last, size });
      return last - size + 1;
    },
    async insertRef(kind, doc) {
      const { json, row: r } = refRow(kind, doc as { id: string; communityId?: string });
      const inserted = st.insertRef.run(kind, r.id, r.communityId, json).changes === 1;
      if (inserted) refs.wrote(kind, [r]);
      return inserted;
    },
    async listDueForSweep(now, limit, cursor) {
      const [at, id] = (cursor && decodeCursor(cursor)) || [Number.MIN_SAFE_INTEGER, ''];
      const rows = st.dueForSweep.all(now, at, id, Math.max(0, limit) + 1) as { at: number; id: string; doc: string }[];
      const page = rows.slice(0, Math.max(0, limit));
      const last = page[page.length - 1];
      return { items: page.map((r) => parse<Order>(r)), nextCursor: rows.length > page.length && last ? encodeCursor(last.at, last.id) : null };
    },
    async reindex(entries) {
      // The facts may change with the index (a newer core): the rollups follow in the same transaction.
      const one = (e: (typeof entries)[number]) => {
        const stored = st.orderVersion.get(e.orderId) as (FactRow & { version: number }) | undefined;
        if (stored?.version !== e.version) return 0;
        st.reindex.run({ ...indexParams(e.index), id: e.orderId, version: e.version });
        rollups.record(factsOfRow(stored), e.index.facts);
        return 1;
      };
      return db.transaction(() => entries.reduce((n, e) => n + one(e), 0)).immediate();
    },
    async metricSums(communityId, period, by: GroupBy, asOf, cut) {
      return (await store.metricSumsMany(communityId, period, [by], asOf, cut))[0]!;
    },
    async metricSumsMany(communityId, period, bys, asOf, cut) {
      if (isCut(cut)) {
        const rows = rollups.readCut(communityId, cut, period, asOf);
        return bys.map((by) => groupRows(rows, by));
      }
      // Rollup rows of the whole days, plus the orders of partial days and the unsettled ones past
      // their deadline (rollups.ts): each grouping is summed from those rows, never from every order.
      const { entries, orders } = rollups.read(communityId, period, asOf);
      return bys.map((by) => mergeGroups([groupEntries(entries, by, asOf), groupRows(orders, by)]));
    },
    async onBehalfCounts(communityId, period, cut) {
      return onBehalf(communityId, period, cut);
    },
    async pruneReplies(before) {
      // Replies are appended in the order they were written, so the expired ones are the table's first
      // rowids: found by bisection rather than an index on `at`, which would cost every commit a page.
      // A reply written at a later moment than one after it (a clock set back) waits for a later round.
      const { lo, hi } = st.replyRowids.get() as { lo: number | null; hi: number | null };
      if (lo === null || hi === null) return 0;
      let [low, high] = [lo, hi + 1];
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        const row = st.replyAtOrAfter.get(mid) as { rowid: number; at: number } | undefined;
        if (row && row.rowid < high && row.at < before) low = row.rowid + 1;
        else high = mid;
      }
      return st.pruneReplies.run(low, before).changes;
    },
    async getReply(key) {
      const r = st.getReply.get(key) as { key: string; fingerprint: string; at: number; reply: string } | undefined;
      return r ? ({ key: r.key, fingerprint: r.fingerprint, at: r.at, reply: JSON.parse(r.reply) } satisfies StoredReply) : null;
    },
    commit(change) {
      return committer.submit(change);
    },
    async foldRollups(budgetMs) {
      // A step at a time, letting requests in between: the queue is folded off their path.
      const until = Date.now() + budgetMs;
      let moved = 0;
      for (;;) {
        const step = rollups.foldStep();
        moved += step;
        if (step < FOLD_ROWS || Date.now() >= until) return moved;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async clear() {
      committer.flush();
      refs.clear();
      orders.clear();
      numberBlocks.clear();
      db.exec(
        'DELETE FROM refs; DELETE FROM orders; DELETE FROM order_events; DELETE FROM notifications; DELETE FROM replies; DELETE FROM order_numbers; DELETE FROM metric_rollups; DELETE FROM rollup_queue;' +
          CLEAR_MESSAGES_SQL,
      );
    },
    async close() {
      committer.flush();
      db.close();
    },
  };
  // SQLite's own failures (disk full, I/O error, a lock held too long) are outages; the rest are bugs.
  return translatingOutages(store, (e) => e instanceof Database.SqliteError);
}
