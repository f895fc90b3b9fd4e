import {
  assessmentSheets,
  assessmentTable,
  fail,
  invalid,
  monthRange,
  ok,
  type Actor,
  type AppError,
  type Assessment,
  type ExportFile,
  isCut,
  WHOLE_COMMUNITY,
  type Result,
  type StatsCut,
} from '@core';
import { toCsv } from '../export/csv-export';
import { toXlsx } from '../export/xlsx-export';
import type { Deps } from '../runtime/deps';
import { refuseWrite } from '../runtime/rate-limit';
import { assessmentRows, mayReadStatistics } from './statistics';
import { checkedCut } from './stats-cut';

const idOf = (communityId: string, month: string) => `${communityId}:${month}`;

/**
 * The month's report: the published one if it exists (frozen), else computed now as a draft. Cut
 * to a compound or building it is always computed now: only the whole community's is published.
 */
export async function getAssessment(deps: Deps, actor: Actor, month: string, requested?: StatsCut): Promise<Result<Assessment, AppError>> {
  if (!mayReadStatistics(actor)) return fail('AUTH.FORBIDDEN');
  const range = monthRange(month);
  if (!range) return invalid({ month: '月份格式应为 2026-11' });
  const communityId = actor.user.communityId;
  const checked = await checkedCut(deps, communityId, requested);
  if (!checked.ok) return checked;
  const cut = isCut(checked.value) ? checked.value : null;
  const published = cut ? null : await deps.store.getRef('assessments', idOf(communityId, month));
  if (published) return ok(published);
  const community = await deps.store.getRef('communities', communityId);
  const weights = community?.settings.weights ?? { response: 0.3, resolution: 0.35, satisfaction: 0.35 };
  const now = deps.now();
  return ok({
    id: idOf(communityId, month),
    communityId,
    month,
    weights,
    rows: await assessmentRows(deps, communityId, range, weights, cut ?? undefined),
    asOf: now,
    publishedAt: null,
    publishedBy: null,
    ...(cut ? { cut } : {}),
  });
}

/** Publishes (freezes) the month's report; once published it cannot be published again or changed. */
export async function publishAssessment(deps: Deps, actor: Actor, month: string): Promise<Result<Assessment, AppError>> {
  if (actor.role !== 'supervisor') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const draft = await getAssessment(deps, actor, month, WHOLE_COMMUNITY);
  if (!draft.ok) return draft;
  if (draft.value.publishedAt !== null) return fail('ASSESSMENT.ALREADY_PUBLISHED');
  const now = deps.now();
  // A moved clock must not freeze a month the real calendar has not finished (or even begun).
  if (monthRange(month)!.to > Math.min(now, deps.realNow?.() ?? now)) return fail('ASSESSMENT.MONTH_NOT_OVER');
  const frozen: Assessment = { ...draft.value, publishedAt: now, publishedBy: actor.user.id };
  return (await deps.store.insertRef('assessments', frozen)) ? ok(frozen) : fail('ASSESSMENT.ALREADY_PUBLISHED');
}

/** The report as CSV or XLSX with Chinese headers; a draft says so in its name. */
export async function exportAssessment(deps: Deps, actor: Actor, month: string, format: 'csv' | 'xlsx', cut?: StatsCut): Promise<Result<ExportFile, AppError>> {
  const a = await getAssessment(deps, actor, month, cut);
  if (!a.ok) return a;
  const place = a.value.cut ? `-${await placeName(deps, a.value.cut)}` : '';
  const base = `考核-${month}${place}${a.value.publishedAt === null ? '-草稿' : ''}`;
  if (format === 'csv') return ok({ filename: `${base}.csv`, mime: 'text/csv; charset=utf-8', base64: toCsv(assessmentTable(a.value)).toString('base64') });
  const workbook = await toXlsx(assessmentSheets(a.value));
  return ok({ filename: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: workbook.toString('base64') });
}

/** The cut's place as a file name reads it: 小区 or 小区楼栋. */
async function placeName(deps: Deps, cut: StatsCut): Promise<string> {
  const [compound, building] = await Promise.all([
    cut.compoundId ? deps.store.getRef('compounds', cut.compoundId) : null,
    cut.buildingId ? deps.store.getRef('buildings', cut.buildingId) : null,
  ]);
  return `${compound?.name ?? ''}${building?.name ?? ''}`;
}
