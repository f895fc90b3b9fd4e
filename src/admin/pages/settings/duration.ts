import { SETTING_BOUNDS, STAGES, type Stage, type StageDeadlines } from '@core';

/** How a deadline is typed in: a whole number of minutes, hours or days. */
export type DurationUnit = 'minute' | 'hour' | 'day';
export interface DurationDraft {
  readonly text: string;
  readonly unit: DurationUnit;
}
export type DeadlineDraft = Readonly<Record<Stage, DurationDraft>>;

export const UNIT_MINUTES: Readonly<Record<DurationUnit, number>> = { minute: 1, hour: 60, day: 1440 };
export const UNIT_LABELS: Readonly<Record<DurationUnit, string>> = { minute: '分钟', hour: '小时', day: '天' };

/** 90 → 90 分钟, 120 → 2 小时, 4320 → 3 天: the largest unit that divides evenly. */
export function toDraft(minutes: number): DurationDraft {
  const unit: DurationUnit = minutes % 1440 === 0 ? 'day' : minutes % 60 === 0 ? 'hour' : 'minute';
  return { text: String(minutes / UNIT_MINUTES[unit]), unit };
}
export const deadlinesDraft = (d: StageDeadlines): DeadlineDraft => Object.fromEntries(STAGES.map((s) => [s, toDraft(d[s])])) as Record<Stage, DurationDraft>;

/** Minutes, or the problem in words (the bounds are the contract's, said in the unit typed). */
export function parseDuration(d: DurationDraft, { min, max }: { min: number; max: number } = SETTING_BOUNDS.stageMinutes): number | string {
  const t = d.text.trim();
  if (!/^\d+$/.test(t)) return '请填写整数';
  const minutes = Number(t) * UNIT_MINUTES[d.unit];
  if (minutes < min) return `至少${durationText(min)}`;
  if (minutes > max) return `最长${durationText(max)}`;
  return minutes;
}

/** 4320 → "3天", 90 → "90分钟". */
export function durationText(minutes: number): string {
  const { text, unit } = toDraft(minutes);
  return `${text}${UNIT_LABELS[unit]}`;
}

/** All five stages in minutes, or the problems by stage. */
export function parseDeadlines(draft: DeadlineDraft): { ok: true; value: StageDeadlines } | { ok: false; errors: Partial<Record<Stage, string>> } {
  const errors: Partial<Record<Stage, string>> = {};
  const value: Partial<Record<Stage, number>> = {};
  for (const s of STAGES) {
    const r = parseDuration(draft[s]);
    if (typeof r === 'string') errors[s] = r;
    else value[s] = r;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value as StageDeadlines };
}

/** "派单15分钟 · 接单15分钟 · 到场30分钟 · …" for a summary line. */
export function deadlinesText(d: StageDeadlines, labels: Readonly<Record<Stage, string>>): string {
  return STAGES.map((s) => `${labels[s]}${durationText(d[s])}`).join(' · ');
}

/** "40" or "40.5" yuan → fen; null when it is not a price. */
export function parseYuan(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}
export const fenText = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
