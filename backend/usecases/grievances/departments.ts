import { fail, ok, type Actor, type AppError, type Department, type Result } from '@core';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';

/** The directory of outside departments: staff who route 诉求 read it, the admin keeps it. */
export async function listDepartments(deps: Deps, actor: Actor, includeRetired: boolean): Promise<Result<{ items: Department[] }, AppError>> {
  if (actor.role === 'resident' || actor.role === 'worker') return fail('AUTH.FORBIDDEN');
  const all = await deps.store.listRefs('departments', actor.user.communityId);
  const items = all.filter((d) => includeRetired || d.active).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh'));
  return ok({ items });
}

export interface DepartmentInput {
  readonly departmentId: string | null;
  readonly name: string;
  readonly contact: string;
  readonly phone: string;
  readonly active: boolean;
}

/**
 * Adds or edits a department; retiring one (active: false) keeps it for the 诉求 it already answered
 * and the statistics, and takes it off the routing sheet.
 */
export async function saveDepartment(deps: Deps, actor: Actor, input: DepartmentInput): Promise<Result<{ department: Department }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const communityId = actor.user.communityId;
  let id = input.departmentId;
  if (id !== null) {
    const existing = await deps.store.getRef('departments', id);
    if (!existing || existing.communityId !== communityId) return fail('DEPARTMENT.NOT_FOUND');
  } else {
    id = deps.newId('d');
  }
  const department: Department = { id, communityId, name: input.name.trim(), contact: input.contact.trim(), phone: input.phone.trim(), active: input.active };
  await deps.store.putRefs('departments', [department]);
  return ok({ department });
}
