import { STAGE_LABELS, type Order, type StageClock } from '@core';
import { clock as hhmm, dateTime, sameDay } from '@/components/format';

const ESCALATED = ['', '', ' · 已升级至社区督单', ' · 已升级至社区书记'] as const;

/** "14:30" today, else "11月30日 14:30". */
function when(ms: number, now: number): string {
  return sameDay(ms, now) ? hhmm(ms) : dateTime(ms, now);
}

/**
 * The running stage clock in words: "派单截止 14:30" while on time, "派单已超时（截止 14:30）" once
 * late, "… · 已升级至社区督单" once escalated (level 2) or to the secretary (level 3), and
 * "到场暂停计时" while the order waits on the resident.
 */
export function clockText(c: StageClock, now = Date.now(), waitingOnResident = false): { readonly text: string; readonly late: boolean } {
  const stage = STAGE_LABELS[c.stage];
  // While the resident decides on a proposed time nothing runs late: the clock stands still.
  if (waitingOnResident) return { text: `${stage}暂停计时（等居民确认新时间）`, late: false };
  if (c.level === 0) return { text: `${stage}截止 ${when(c.dueAt, now)}`, late: false };
  return { text: `${stage}已超时（截止 ${when(c.dueAt, now)}）${ESCALATED[c.level]}`, late: true };
}

/** "派单、接单": the stages that ran past their deadline, in the order they run. */
export const overdueStagesText = (o: Pick<Order, 'overdueStages'>): string => o.overdueStages.map((s) => STAGE_LABELS[s]).join('、');
