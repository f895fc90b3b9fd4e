import {
  MAX_IMPORT_ROWS,
  SHEET_COLUMNS,
  TOO_MANY_ROWS,
  exportRows,
  fail,
  ok,
  planImport,
  type Actor,
  type AppError,
  type Compound,
  type ExportFile,
  type ImportReply,
  type Result,
} from '@core';
import { toCsv } from '../../export/csv-export';
import { toXlsx } from '../../export/xlsx-export';
import { readSheet } from '../../import/sheet-read';
import type { Deps } from '../../runtime/deps';
import { auditEntry, writeAudit } from '../membership/audit-log';
import { companiesOf, mayChange, mustBeAdmin } from './manage-view';

/** What the community has on file that an import is matched against. */
async function onFile(deps: Deps, communityId: string) {
  const { store } = deps;
  const [compounds, allBuildings, households, users] = await Promise.all([
    store.listRefs('compounds', communityId),
    store.listRefs('buildings'),
    store.listRefs('households', communityId),
    store.listRefs('users', communityId),
  ]);
  const ids = new Set(compounds.map((c) => c.id));
  return { communityId, compounds, buildings: allBuildings.filter((b) => ids.has(b.compoundId)), households, users };
}

/**
 * The company a compound added by a sheet is served by: the one serving most of the community's
 * compounds, else the first the community deals with; null when it deals with none yet.
 */
async function defaultCompany(deps: Deps, communityId: string, compounds: readonly Compound[]) {
  const companies = await companiesOf(deps, communityId);
  const serving = (id: string) => compounds.filter((c) => c.companyId === id).length;
  return [...companies].sort((a, b) => serving(b.id) - serving(a.id) || (a.id < b.id ? -1 : 1))[0] ?? null;
}

/**
 * Imports buildings, households and residents from a sheet. A dry run (the default) only answers
 * each row's outcome; a real run writes only when no row has a problem, so a sheet is taken whole
 * or not at all, and re-importing it updates what the first import wrote instead of adding twice.
 */
export async function importSheet(
  deps: Deps,
  actor: Actor,
  input: { fileName: string; base64: string; dryRun: boolean },
): Promise<Result<ImportReply, AppError>> {
  // A dry run writes nothing but reads a file of up to 1 MB: it spends from the write budget too.
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const read = readSheet(Buffer.from(input.base64, 'base64'), { rows: MAX_IMPORT_ROWS + 1, tooLong: TOO_MANY_ROWS });
  if (!read.ok) return fail('IMPORT.UNREADABLE', { reason: read.reason });
  const file = await onFile(deps, actor.user.communityId);
  const company = await defaultCompany(deps, actor.user.communityId, file.compounds);
  const plan = planImport(read.rows, { ...file, defaultCompanyId: company?.id ?? null, newId: (prefix) => deps.newId(`${prefix}-`) });
  const newCompounds = plan.compounds.map((c) => c.name);
  const reply = {
    rows: plan.rows,
    sheetProblem: plan.sheetProblem,
    newCompounds,
    newCompoundsCompany: newCompounds.length ? (company?.name ?? null) : null,
    counts: plan.counts,
  };
  if (input.dryRun) return ok({ ...reply, applied: false });
  if (plan.sheetProblem) return fail('IMPORT.UNREADABLE', { reason: plan.sheetProblem });
  if (plan.counts.problem) return fail('IMPORT.HAS_PROBLEMS', { count: plan.counts.problem });
  // Places before people: a resident is never stored bound to a household that is not.
  if (plan.compounds.length) await deps.store.putRefs('compounds', plan.compounds);
  if (plan.buildings.length) await deps.store.putRefs('buildings', plan.buildings);
  if (plan.households.length) await deps.store.putRefs('households', plan.households);
  if (plan.users.length) await deps.store.putRefs('users', plan.users);
  const { new: added, update, same } = plan.counts;
  await writeAudit(
    deps,
    auditEntry(
      deps,
      actor.user.communityId,
      { id: actor.user.id, name: actor.user.name },
      'sheet.imported',
      input.fileName,
      `新增${added}行，更新${update}行，无变化${same}行（${newCompounds.length ? `新建小区${newCompounds.join('、')}；` : ''}楼栋${plan.buildings.length}、住户${plan.households.length}、居民${plan.users.length}条写入）`,
    ),
  );
  return ok({ ...reply, applied: true });
}

/** The same list out, in the columns an import reads, as CSV or XLSX. */
export async function exportSheet(deps: Deps, actor: Actor, format: 'csv' | 'xlsx'): Promise<Result<ExportFile, AppError>> {
  const denied = mustBeAdmin(actor);
  if (denied) return denied;
  const rows = exportRows(await onFile(deps, actor.user.communityId));
  const base = '住户与居民';
  if (format === 'csv')
    return ok({ filename: `${base}.csv`, mime: 'text/csv; charset=utf-8', base64: toCsv({ headers: SHEET_COLUMNS, rows }).toString('base64') });
  const workbook = await toXlsx([{ name: base, columns: SHEET_COLUMNS.map((header) => ({ header, format: 'text' as const })), rows }]);
  return ok({ filename: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: workbook.toString('base64') });
}
