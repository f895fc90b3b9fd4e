import { fail, type AppError } from '../errors';
import { ok, type Result } from '../result';

/** What every managed document carries: its id and the revision the admin's edits count up. */
export interface Revised {
  readonly id: string;
  readonly rev?: number;
}

/**
 * The revision a save writes: 1 for a new document, one more than the stored one for a change. A
 * change names the revision it was made on; an older one means someone saved in between, and the
 * later save is refused rather than silently undoing theirs.
 */
export function nextRev(stored: Revised | null, input: { id?: string | undefined; rev?: number | undefined }, what: string): Result<number, AppError> {
  if (input.id === undefined) return ok(1);
  if (!stored) return fail('MANAGE.NOT_FOUND', { what });
  if (input.rev !== undefined && input.rev !== (stored.rev ?? 0)) return fail('MANAGE.STALE');
  return ok((stored.rev ?? 0) + 1);
}

/** Names compared as people read them: surrounding and inner spaces do not make a second 1号楼. */
export const sameName = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** Refuses a name another document among `siblings` already has (the one being changed excepted). */
export function uniqueName(siblings: readonly { id: string; name: string }[], id: string | undefined, name: string, what: string): Result<void, AppError> {
  return siblings.some((s) => s.id !== id && sameName(s.name, name)) ? fail('MANAGE.DUPLICATE', { what, name }) : ok(undefined);
}

/** One field of a document as the audit log names it, and how its value reads. */
export type FieldWords<T> = { readonly [K in keyof T]?: readonly [label: string, show?: (value: T[K]) => string] };

const plain = (v: unknown): string => (Array.isArray(v) ? v.join('、') || '无' : v === null || v === undefined || v === '' ? '无' : String(v));

/** What a save changed, in words for the audit log: `名称：旧→新；…`, or 新增 for a new document. */
export function describeChange<T extends object>(before: T | null, after: T, words: FieldWords<T>): string {
  if (!before) return '新增';
  const parts: string[] = [];
  for (const key of Object.keys(words) as (keyof T)[]) {
    const [label, show = plain] = words[key]!;
    const was = (show as (v: unknown) => string)(before[key]);
    const now = (show as (v: unknown) => string)(after[key]);
    if (was !== now) parts.push(`${label}：${was}→${now}`);
  }
  return parts.length ? parts.join('；') : '未改动';
}
