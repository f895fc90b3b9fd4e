/**
 * An in-memory stand-in for the CloudBase document database, at the level of the SDK's transport
 * (`Db.reqClass`): the real @cloudbase/database query builder, serializer and transaction client
 * run unchanged and send their requests here. It models what the adapter relies on — canonical
 * EJSON requests, the query operators it uses, sort/limit, `$match`/`$group`/`$limit`, errors
 * thrown with a `code`, and snapshot-isolated transactions that fail with
 * DATABASE_TRANSACTION_CONFLICT on a write-write conflict, as the SDK's own tests describe.
 * It also shows the service's default result limits (100 documents for a get without a limit,
 * 20 rows for an aggregation without $limit, 1,000 at most), and on request a latency per call and
 * transactions that expire at commit (FakeOptions). Open transactions hold locks on what they wrote:
 * a write outside any transaction waits until the holder commits, rolls back or expires, and another
 * transaction's write waits a moment (MongoDB's 5 ms) and then fails as a conflict. A transaction left
 * open past its lifetime (the service's: about 30 s) is dropped with its writes, as a killed function's is.
 * It is a model, not the server: the real-environment run of the contract remains the proof.
 */
import { decode, fail, group, matches, sortDocs, type Doc } from './fake-query';

/** The most rows one request answers. */
const MAX_ROWS = 1000;

type Version = { readonly seq: number; readonly doc: Doc | null };
interface Tx {
  readonly id: string;
  readonly start: number;
  readonly writes: Map<string, { coll: string; id: string; doc: Doc | null }>;
  /** Past this moment (Date.now) the service drops the transaction, its writes and its locks. */
  readonly expiresAt: number;
  state: 'active' | 'aborted' | 'done';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gone = () => fail('DATABASE_TRANSACTION_FAIL', '[ResourceNotFound.TransactionNotExist] Transaction does not exist');

/** Behaviours of the real service the model can be asked to show. */
export interface FakeOptions {
  /** Milliseconds each request takes (the real service: tens); default up to 2, at random. */
  readonly latencyMs?: number;
  /** Every n-th transaction commit fails as an expired transaction does (DATABASE_TRANSACTION_FAIL, TransactionNotExist), writing nothing. */
  readonly expireEveryNthCommit?: number;
  /** How long a transaction may stay open before it is dropped with its writes and locks; default 30 s, as the service. */
  readonly transactionLifetimeMs?: number;
  /** How long a transaction's write waits for another transaction's lock before failing as a conflict; default 5 ms. */
  readonly lockWaitMs?: number;
}

export class FakeCloudBase {
  private commits = 0;
  constructor(private readonly options: FakeOptions = {}) {}
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly txs = new Map<string, Tx>();
  /** Which transaction holds an uncommitted write on a document. */
  private readonly locks = new Map<string, string>();
  private seq = 0;
  private txCount = 0;
  /** Requests served, by API name: lets a test see what the adapter asked for. */
  readonly calls = new Map<string, number>();

  /** A transport class to assign to `Db.reqClass`. */
  requester() {
    const fake = this;
    return class {
      send(api: string, data: Doc) {
        return fake.send(api, data);
      }
    };
  }

  async send(api: string, p: Doc = {}): Promise<Doc> {
    this.calls.set(api, (this.calls.get(api) ?? 0) + 1);
    // Every request takes a moment, so concurrent commits really interleave.
    await new Promise((r) => setTimeout(r, this.options.latencyMs ?? Math.random() * 2));
    this.expireAbandoned();
    const tx = typeof p.transactionId === 'string' ? this.activeTx(p.transactionId) : null;
    switch (api) {
      case 'database.addCollection':
        if (this.collections.has(String(p.collectionName))) throw fail('DATABASE_COLLECTION_ALREADY_EXIST', 'Table exist');
        this.collections.set(String(p.collectionName), new Map());
        return { requestId: 'r' };
      case 'database.startTransaction': {
        const id = `tx${++this.txCount}`;
        const expiresAt = Date.now() + (this.options.transactionLifetimeMs ?? 30_000);
        this.txs.set(id, { id, start: this.seq, writes: new Map(), expiresAt, state: 'active' });
        return { requestId: 'r', transactionId: id };
      }
      case 'database.commitTransaction': {
        const committing = this.activeTx(String(p.transactionId));
        const every = this.options.expireEveryNthCommit;
        if (every && ++this.commits % every === 0) {
          // As a transaction left open past the server's limit: gone, its writes with it.
          this.end(committing, 'aborted');
          throw gone();
        }
        return this.commit(committing);
      }
      case 'database.abortTransaction':
        this.end(this.activeTx(String(p.transactionId)), 'aborted');
        return { requestId: 'r' };
      case 'database.getDocument':
        return this.get(p, tx);
      case 'database.insertDocument':
        return this.insert(p, tx);
      case 'database.modifyDocument':
        return this.modify(p, tx);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(p, tx);
      case 'database.removeDocument':
        return this.remove(p, tx);
      case 'database.calculateDocument':
        return { requestId: 'r', data: { total: this.query(p).length } };
      case 'database.aggregateDocuments':
        return this.aggregate(p);
      default:
        throw fail('INVALID_PARAM', `fake does not serve ${api}`);
    }
  }

  private table(name: unknown) {
    const t = this.collections.get(String(name));
    if (!t) throw fail('DATABASE_COLLECTION_NOT_EXIST', `collection ${String(name)} does not exist`);
    return t;
  }

  private activeTx(id: string): Tx {
    const tx = this.txs.get(id);
    if (tx?.state !== 'active') throw gone();
    return tx;
  }

  /** Drops the transactions open past their lifetime, as the service does with a killed function's. */
  private expireAbandoned() {
    const now = Date.now();
    for (const tx of this.txs.values()) if (tx.state === 'active' && now >= tx.expiresAt) this.end(tx, 'aborted');
  }

  /**
   * Waits until no other open transaction holds the document. A write outside any transaction waits
   * for as long as the holder stays open; a transaction's write waits lockWaitMs, then conflicts.
   */
  private async acquire(key: string, tx: Tx | null) {
    const giveUpAt = tx ? Date.now() + (this.options.lockWaitMs ?? 5) : Number.POSITIVE_INFINITY;
    for (;;) {
      this.expireAbandoned();
      if (tx && tx.state !== 'active') throw gone();
      const holder = this.locks.get(key);
      if (!holder || holder === tx?.id) return;
      if (Date.now() >= giveUpAt) {
        this.end(tx!, 'aborted');
        throw fail('DATABASE_TRANSACTION_CONFLICT', '[ResourceUnavailable.TransactionConflict] Transaction is conflict');
      }
      await sleep(1);
    }
  }

  private end(tx: Tx, state: 'aborted' | 'done') {
    tx.state = state;
    for (const [key] of tx.writes) if (this.locks.get(key) === tx.id) this.locks.delete(key);
  }

  /** The document as a reader sees it: committed data, or a transaction's snapshot plus its own writes. */
  private read(coll: string, id: string, tx: Tx | null): Doc | null {
    const key = `${coll}\u0000${id}`;
    if (tx?.writes.has(key)) return tx.writes.get(key)!.doc;
    const history = this.table(coll).get(id) ?? [];
    const visible = tx ? history.filter((v) => v.seq <= tx.start) : history;
    return visible[visible.length - 1]?.doc ?? null;
  }

  /**
   * Writes wait for another transaction's lock (acquire); inside a transaction they then conflict with
   * a commit newer than its snapshot. `insert` refuses an id that exists once the lock is free.
   */
  private async write(coll: string, id: string, doc: Doc | null, tx: Tx | null, insert = false) {
    const key = `${coll}\u0000${id}`;
    await this.acquire(key, tx);
    if (insert && this.read(coll, id, tx)) throw fail('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error: _id ${id}`);
    const history = this.table(coll).get(id) ?? [];
    if (!tx) {
      this.table(coll).set(id, [...history, { seq: ++this.seq, doc }]);
      return;
    }
    const newer = history.some((v) => v.seq > tx.start);
    if (newer) {
      this.end(tx, 'aborted');
      throw fail('DATABASE_TRANSACTION_CONFLICT', '[ResourceUnavailable.TransactionConflict] Transaction is conflict');
    }
    this.locks.set(key, tx.id);
    tx.writes.set(key, { coll, id, doc });
  }

  private commit(tx: Tx) {
    const seq = ++this.seq;
    for (const { coll, id, doc } of tx.writes.values()) {
      const t = this.table(coll);
      t.set(id, [...(t.get(id) ?? []), { seq, doc }]);
    }
    this.end(tx, 'done');
    return { requestId: 'r' };
  }

  private all(coll: unknown): Doc[] {
    return [...this.table(coll).keys()].map((id) => this.read(String(coll), id, null)).filter((d): d is Doc => d !== null);
  }

  private query(p: Doc): Doc[] {
    const q = p.query ? (decode(String(p.query)) as Doc) : {};
    return this.all(p.collectionName).filter((d) => matches(d, q));
  }

  private get(p: Doc, tx: Tx | null) {
    let docs: Doc[];
    if (p.queryType === 'DOC') {
      const id = String((decode(String(p.query)) as Doc)._id);
      const doc = this.read(String(p.collectionName), id, tx);
      docs = doc ? [doc] : [];
    } else {
      if (tx) throw fail('INVALID_PARAM', 'transactions allow single-document operations only');
      docs = this.query(p);
      if (p.order) docs = sortDocs(docs, decode(String(p.order)) as Record<string, number>);
      // As the service: 100 documents when no limit is asked, never more than 1,000.
      docs = docs.slice(Number(p.offset ?? 0), Number(p.offset ?? 0) + Math.min(Number(p.limit ?? 100), MAX_ROWS));
    }
    const projection = p.projection ? (decode(String(p.projection)) as Record<string, number>) : null;
    return { requestId: 'r', data: { list: docs.map((d) => JSON.stringify(projection ? project(d, projection) : d)) } };
  }

  private async insert(p: Doc, tx: Tx | null) {
    const ids: string[] = [];
    for (const text of p.data as string[]) {
      const doc = decode(text) as Doc;
      const id = String(doc._id ?? `auto${++this.seq}`);
      const coll = String(p.collectionName);
      // Another transaction's uncommitted insert holds a lock: `write` waits for it or conflicts.
      await this.write(coll, id, { ...doc, _id: id }, tx, true);
      ids.push(id);
    }
    return { requestId: 'r', data: { insertedIds: ids } };
  }

  /** `doc().set()` (merge false: the whole document, created if missing) and `doc().update()` (merge: `$set`/`$inc` on an existing one). */
  private async modify(p: Doc, tx: Tx | null) {
    if (p.queryType === 'WHERE' && p.merge && !tx) return this.modifyMatching(p);
    if (p.queryType !== 'DOC') throw fail('INVALID_PARAM', 'fake supports only doc().set(), doc().update() and where().update()');
    const coll = String(p.collectionName);
    const id = String((decode(String(p.query)) as Doc)._id);
    await this.acquire(`${coll}\u0000${id}`, tx); // whether it exists is known once the lock is free
    const had = this.read(coll, id, tx);
    const existed = had !== null;
    if (!existed && !p.upsert) return { requestId: 'r', data: { updated: 0 } };
    const data = decode(String(p.data)) as Doc;
    await this.write(coll, id, p.merge ? applyUpdate(had ?? {}, data) : { ...data, _id: id }, tx);
    return { requestId: 'r', data: { updated: existed ? 1 : 0, upsert_id: existed ? undefined : id } };
  }

  /**
   * `where(…).update(…)` outside a transaction: every matching document changed (applyUpdate),
   * answered with how many. As MongoDB does, a document held by a transaction is matched again once
   * the lock is free: a condition the transaction's commit made false updates nothing.
   */
  private async modifyMatching(p: Doc) {
    const coll = String(p.collectionName);
    const update = decode(String(p.data)) as Doc;
    const q = p.query ? (decode(String(p.query)) as Doc) : {};
    let updated = 0;
    for (const d of this.query(p)) {
      const id = String(d._id);
      await this.acquire(`${coll}\u0000${id}`, null);
      const now = this.read(coll, id, null);
      if (!now || !matches(now, q)) continue;
      await this.write(coll, id, applyUpdate(now, update), null);
      updated++;
    }
    return { requestId: 'r', data: { updated } };
  }

  /** `where(…).updateAndReturn(…)`: the first matching document changed atomically (applyUpdate), answered as it is after the change. */
  private async modifyAndReturn(p: Doc, tx: Tx | null) {
    if (tx) throw fail('INVALID_PARAM', 'fake supports updateAndReturn outside transactions only');
    const coll = String(p.collectionName);
    const found = this.query(p)[0];
    if (!found) return { requestId: 'r', data: { updated: 0, doc: null } };
    const id = String(found._id);
    await this.acquire(`${coll}\u0000${id}`, null);
    // Matched again once the lock is free, as modifyMatching.
    const now = this.read(coll, id, null);
    if (!now || !matches(now, p.query ? (decode(String(p.query)) as Doc) : {})) return { requestId: 'r', data: { updated: 0, doc: null } };
    const doc = applyUpdate(now, decode(String(p.data)) as Doc);
    await this.write(coll, id, doc, null);
    return { requestId: 'r', data: { updated: 1, doc: JSON.stringify(doc) } };
  }

  private async remove(p: Doc, tx: Tx | null) {
    if (tx) throw fail('INVALID_PARAM', 'fake supports removal outside transactions only');
    const removed = this.query(p);
    for (const d of removed) await this.write(String(p.collectionName), String(d._id), null, null);
    return { requestId: 'r', data: { deleted: removed.length } };
  }

  private aggregate(p: Doc) {
    let docs = this.all(p.collectionName);
    const stages = p.stages as { stageKey: string; stageValue: string }[];
    // As the service: an aggregation without $limit answers 20 rows; $limit is capped at 1,000.
    if (!stages.some((st) => st.stageKey === '$limit')) stages.push({ stageKey: '$limit', stageValue: '20' });
    for (const { stageKey, stageValue } of stages) {
      const arg = decode(stageValue);
      if (stageKey === '$match') docs = docs.filter((d) => matches(d, arg as Doc));
      else if (stageKey === '$group') docs = group(docs, arg as Doc);
      else if (stageKey === '$limit') docs = docs.slice(0, Math.min(Number(arg), MAX_ROWS));
      else if (stageKey === '$sort') docs = sortDocs(docs, arg as Record<string, number>);
      else throw fail('INVALID_PARAM', `fake does not run stage ${stageKey}`);
    }
    return { requestId: 'r', data: { list: docs.map((d) => JSON.stringify(d)) } };
  }
}

/** `field(…)`: only the fields named 1 (and `_id`), or all but those named 0; dotted paths allowed. */
function project(doc: Doc, projection: Record<string, number>): Doc {
  const paths = Object.entries(projection);
  const including = paths.some(([, v]) => v === 1);
  const out: Doc = including ? { _id: doc._id } : structuredClone(doc);
  for (const [p, v] of paths) {
    const parts = p.split('.');
    const last = parts.pop()!;
    if (including && v === 1) {
      let from: unknown = doc;
      let to = out;
      for (const part of parts) {
        from = (from as Doc | undefined)?.[part];
        if (!from || typeof from !== 'object') break;
        to = (to[part] ??= {}) as Doc;
      }
      if (from && typeof from === 'object' && last in (from as Doc)) to[last] = (from as Doc)[last];
    } else if (!including) {
      const parent = parts.reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Doc)[part] : undefined), out);
      if (parent && typeof parent === 'object') delete (parent as Doc)[last];
    }
  }
  return out;
}

/**
 * A document after `$set`, `$unset`, `$inc`, `$addToSet`, `$pull` (a value, or a condition on the
 * list's documents) and `$pullAll` on dotted field paths (all the adapter's updates use); the
 * original is left as it was.
 */
function applyUpdate(doc: Doc, update: Doc): Doc {
  const out = structuredClone(doc);
  for (const [op, fields] of Object.entries(update as Record<string, Doc>)) {
    for (const [field, v] of Object.entries(fields)) {
      const parts = field.split('.');
      let at = out;
      for (const part of parts.slice(0, -1)) {
        // As the service: a field cannot be made inside a list by name.
        if (Array.isArray(at[part])) throw fail('DATABASE_REQUEST_FAILED', `Cannot create field '${field}' in an array element`);
        if (!at[part] || typeof at[part] !== 'object') at[part] = {};
        at = at[part] as Doc;
      }
      const last = parts[parts.length - 1]!;
      const list = () => (Array.isArray(at[last]) ? (at[last] as unknown[]) : []);
      if (op === '$pull') {
        const gone = (x: unknown) => (v && typeof v === 'object' ? !!x && typeof x === 'object' && matches(x as Doc, v as Doc) : x === v);
        if (Array.isArray(at[last])) at[last] = list().filter((x) => !gone(x));
      } else if (op === '$pullAll') {
        if (Array.isArray(at[last])) at[last] = list().filter((x) => !(v as unknown[]).includes(x));
      } else if (op === '$addToSet') {
        const adding = v && typeof v === 'object' && '$each' in (v as Doc) ? ((v as Doc).$each as unknown[]) : [v];
        at[last] = [...list(), ...adding.filter((x, i) => !list().includes(x) && adding.indexOf(x) === i)];
      } else if (op === '$inc') at[last] = Number(at[last] ?? 0) + Number(v);
      else if (op === '$set') at[last] = v;
      else if (op === '$unset') delete at[last];
      else throw fail('INVALID_PARAM', `fake does not apply update operator ${op}`);
    }
  }
  return out;
}
