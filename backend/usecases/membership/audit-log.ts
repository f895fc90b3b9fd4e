import { fail, ok, type Actor, type AppError, type AuditEntry, type AuditWhat, type Result } from '@core';
import type { Deps } from '../../runtime/deps';

/** Who did a change, as the log names them. */
export interface AuditActor {
  readonly id: string;
  readonly name: string;
}

/** An audit line for a change made now; `id` may be fixed by the caller to make the change happen once. */
export function auditEntry(deps: Deps, communityId: string, by: AuditActor, what: AuditWhat, subject: string, detail = '', id?: string): AuditEntry {
  return { id: id ?? deps.newId('au-'), communityId, at: deps.now(), actorId: by.id, actorName: by.name, what, subject, detail };
}

/** Writes audit lines (each change of membership writes one). */
export const writeAudit = (deps: Deps, ...entries: AuditEntry[]) => deps.store.putRefs('auditEntries', entries);

/** The community's audit log, newest first: the admin's view of who changed what, when. */
export async function listAudit(deps: Deps, actor: Actor, limit: number): Promise<Result<{ items: AuditEntry[] }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const all = await deps.store.listRefs('auditEntries', actor.user.communityId);
  return ok({ items: [...all].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).slice(0, limit) });
}
