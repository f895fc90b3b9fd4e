import type { CollectionReference, Db } from '@cloudbase/database';

type Raw = Record<string, unknown>;
type Command = Db['command'];

const exists = (e: unknown) => {
  const err = e as { code?: unknown; message?: unknown } | null;
  return /ALREADY_EXIST|COLLECTION_EXIST|already exists|ResourceExist|Table exist/i.test(`${String(err?.code ?? '')} ${String(err?.message ?? '')}`);
};

/** Creates the collections that are missing; an existing one is fine. */
export async function ensureCollections(db: Db, names: readonly string[]): Promise<void> {
  for (const name of names) {
    try {
      await db.createCollection(name);
    } catch (e) {
      if (!exists(e)) throw e;
    }
  }
}

const PAGE = 1000;

/**
 * Every document matching `where`, ascending by `field` then `_id`. One `get()` returns at most
 * 1000 documents, so this pages with a keyset on (`field`, `_id`) rather than ever-growing skips.
 */
export async function fetchAll(c: CollectionReference, _: Command, where: object, field = '_id'): Promise<Raw[]> {
  const out: Raw[] = [];
  let last: Raw | undefined;
  for (;;) {
    const after = !last
      ? where
      : field === '_id'
        ? _.and([where, { _id: _.gt(last._id) }])
        : _.and([where, _.or([{ [field]: _.gt(last[field]) }, { [field]: last[field], _id: _.gt(last._id) }])]);
    let q = c.where(after).orderBy(field, 'asc');
    if (field !== '_id') q = q.orderBy('_id', 'asc');
    const res = await q.limit(PAGE).get();
    const rows = (res.data ?? []) as Raw[];
    out.push(...rows);
    if (rows.length < PAGE) return out;
    last = rows[rows.length - 1];
  }
}

/** Deletes every document of a collection; a multi-document remove may stop short, so repeat. */
export async function removeAll(c: CollectionReference, _: Command): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    const res = (await c.where({ _id: _.exists(true) }).remove()) as { deleted?: number | string };
    if (!Number(res.deleted)) return;
  }
  throw new Error(`could not empty collection ${c.name}`);
}
