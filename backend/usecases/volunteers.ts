import {
  fail,
  invalid,
  monthRange,
  ok,
  volunteerMonth,
  type Actor,
  type AppError,
  type ExportFile,
  type Order,
  type ReportSheet,
  type Result,
  type SessionInfo,
  type User,
  type VolunteerMonth,
} from '@core';
import type { Deps } from '../runtime/deps';
import { refuseWrite } from '../runtime/rate-limit';
import { toXlsx } from '../export/xlsx-export';
import { auditEntry, writeAudit } from './membership/audit-log';
import { whoami } from './session';

/** A new volunteer's load: on duty, two open orders at a time beside their day job. */
const NEW_VOLUNTEER = { onDuty: true, maxOpenOrders: 2 } as const;

/**
 * 在职党员报到: a member of the community who is a party member working elsewhere registers what they
 * can do. They become a worker of the community's volunteer teams (党员志愿服务队), so they take
 * 志愿服务 orders through the same lifecycle; registering again updates what they said.
 */
export async function registerVolunteer(deps: Deps, user: User, input: { skills: string; workplace: string }): Promise<Result<SessionInfo, AppError>> {
  const limited = refuseWrite(deps.limits, user.id, deps.now());
  if (limited) return limited;
  const { store } = deps;
  const teams = (await store.listRefs('teams', user.communityId)).filter((t) => t.volunteer);
  const first = !user.volunteer;
  const becomesWorker = !user.roles.includes('worker');
  const next: User = {
    ...user,
    roles: becomesWorker ? [...user.roles, 'worker'] : user.roles,
    ...(becomesWorker ? NEW_VOLUNTEER : {}),
    volunteer: { skills: input.skills, workplace: input.workplace, registeredAt: user.volunteer?.registeredAt ?? deps.now() },
  };
  await store.putRefs('users', [next]);
  const joining = teams.filter((t) => !t.memberIds.includes(user.id));
  if (joining.length)
    await store.putRefs(
      'teams',
      joining.map((t) => ({ ...t, memberIds: [...t.memberIds, user.id] })),
    );
  if (first) {
    await writeAudit(
      deps,
      auditEntry(deps, user.communityId, { id: user.id, name: user.name }, 'volunteer.registered', user.name, `${input.workplace}：${input.skills}`),
    );
  }
  return whoami(deps, next);
}

/** How far back a volunteer order may have been placed and still be completed in the month asked. */
const PLACED_BEFORE = 62 * 24 * 3_600_000;
const PAGE = 200;

/** The volunteer orders placed from two months before the month to its end: every one completed in it. */
async function volunteerOrders(deps: Deps, communityId: string, from: number, to: number): Promise<Order[]> {
  const found: Order[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.listOrders({ kind: 'community', communityId }, { createdFrom: from - PLACED_BEFORE, createdTo: to }, { limit: PAGE, cursor });
    found.push(...page.items.filter((o) => o.volunteer));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** The supervisor's record: each registered volunteer's 志愿服务 orders and hours in a month. */
export async function volunteerHours(deps: Deps, actor: Actor, month: string): Promise<Result<{ month: string; items: VolunteerMonth[] }, AppError>> {
  if (actor.role !== 'supervisor') return fail('AUTH.FORBIDDEN');
  const range = monthRange(month);
  if (!range) return invalid({ month: '月份格式应为YYYY-MM' });
  const [users, orders] = await Promise.all([
    deps.store.listRefs('users', actor.user.communityId),
    volunteerOrders(deps, actor.user.communityId, range.from, range.to),
  ]);
  return ok({ month, items: volunteerMonth(users, orders, month) });
}

/** The month's volunteer hours as a sheet: who, where they work, what they offer, orders, hours. */
export function volunteerSheet(month: string, items: readonly VolunteerMonth[]): ReportSheet {
  return {
    name: `${month}志愿服务时长`,
    columns: [
      { header: '姓名', format: 'text' },
      { header: '工作单位', format: 'text' },
      { header: '服务特长', format: 'text' },
      { header: '服务单数', format: 'integer' },
      { header: '服务时长（小时）', format: 'decimal' },
    ],
    rows: items.map((v) => [v.name, v.workplace, v.skills, v.orders, v.hours]),
  };
}

/** The volunteer hours of a month as an XLSX workbook, for the 在职党员报到 report to their units. */
export async function exportVolunteerHours(deps: Deps, actor: Actor, month: string): Promise<Result<ExportFile, AppError>> {
  const hours = await volunteerHours(deps, actor, month);
  if (!hours.ok) return hours;
  const workbook = await toXlsx([volunteerSheet(month, hours.value.items)]);
  return ok({
    filename: `志愿服务时长-${month}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: workbook.toString('base64'),
  });
}
