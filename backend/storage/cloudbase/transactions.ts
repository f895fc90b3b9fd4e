/**
 * What this adapter uses of CloudBase's transactions (the statistics' fold, the trim of kept replies,
 * the message documents), and how it tells their failures apart. Orders are not committed in
 * transactions: see commit.ts.
 */
/** The part of the SDK's transaction object this adapter uses (its typings declare it as `any`). */
interface TxDoc {
  get(): Promise<{ data?: Record<string, unknown> | null }>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<unknown>;
}
/** The database's `_.inc`: an update that adds to a number field. */
export type Inc = (n: number) => unknown;
interface TxCollection {
  doc(id: string): TxDoc;
  add(data: object): Promise<unknown>;
}
export interface Tx {
  collection(name: string): TxCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}
export interface TxDb {
  startTransaction(): Promise<Tx>;
  readonly command: { inc: Inc };
}

/**
 * A write conflict (two transactions wrote the same document) or a duplicate _id on insert: both
 * mean a concurrent commit touched this order or this request id, and a fresh attempt will see it.
 */
export function isRaceError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const text = `${String(err?.code ?? '')} ${String(err?.message ?? '')}`;
  return /TRANSACTION_CONFLICT|TransactionConflict|DUPLICATE|duplicate key|E11000/i.test(text);
}

/**
 * The transaction is gone on the server: it ran past the service's time limit (or the server lost
 * it), and nothing it wrote was kept. Not a conflict with anyone: the commit is simply tried again.
 */
export function isExpiredTransaction(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return /DATABASE_TRANSACTION_FAIL|TransactionNotExist|Transaction does not exist/i.test(`${String(err?.code ?? '')} ${String(err?.message ?? '')}`);
}

/** An insert refused because a document with its _id exists. */
export const isDuplicateKey = (e: unknown) =>
  /DUPLICATE|duplicate key|E11000/i.test(`${String((e as { code?: unknown })?.code ?? '')} ${String((e as { message?: unknown })?.message ?? '')}`);
