import type { Millis, StageDeadlines } from './community';
import type { OrderState } from './order';
import { MINUTE } from './time';

/** The clocks of an order, one per stage, in the order they run. */
export const STAGES = ['dispatch', 'accept', 'start', 'complete', 'confirm'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  dispatch: '派单',
  accept: '接单',
  start: '到场',
  complete: '完工',
  confirm: '确认',
};

/** Which clock runs in each state; none once work has ended. */
export const STAGE_OF: Readonly<Record<OrderState, Stage | null>> = {
  pending_dispatch: 'dispatch',
  pending_accept: 'accept',
  accepted: 'start',
  in_service: 'complete',
  pending_confirm: 'confirm',
  closed: null,
  cancelled: null,
  refused: null,
};

/**
 * 0 on time; 1 overdue (the handler is told); 2 escalated to the supervisors; 3 escalated to the
 * community secretary.
 */
export type OverdueLevel = 0 | 1 | 2 | 3;

/** The running clock of the current stage. */
export interface StageClock {
  readonly stage: Stage;
  readonly enteredAt: Millis;
  readonly dueAt: Millis;
  readonly level: OverdueLevel;
}

/** Starts the clock of the stage a state belongs to, or none for an ended order. */
export function clockFor(state: OrderState, sla: StageDeadlines, now: Millis): StageClock | null {
  const stage = STAGE_OF[state];
  return stage ? { stage, enteredAt: now, dueAt: now + sla[stage] * MINUTE, level: 0 } : null;
}

/** When the resident was promised a first answer: dispatch and accept clocks from creation (响应). */
export const respondDueAt = (createdAt: Millis, sla: StageDeadlines) => createdAt + (sla.dispatch + sla.accept) * MINUTE;
/** When the work should be done: every clock up to completion, from creation (解决). */
export const resolveDueAt = (createdAt: Millis, sla: StageDeadlines) => createdAt + (sla.dispatch + sla.accept + sla.start + sla.complete) * MINUTE;
