import { assertNever, type AttentionQueue, type OrderIndex, type Recipient } from '@core';

/**
 * The core's index of an order (orderIndex) as the flat values both adapters store beside it: flags
 * as 0/1 so databases can compare and sum them. This maps; it decides nothing.
 */
export function storedIndex(ix: OrderIndex) {
  const f = ix.facts;
  const b = (x: boolean) => (x ? 1 : 0);
  return {
    nextSweepAt: ix.nextSweepAt,
    urgentBy: ix.urgentBy,
    holderId: ix.holder,
    poolTeamId: ix.poolTeamId,
    open: b(ix.open),
    queueOverdue: b(ix.queues.overdue),
    queueEscalated: b(ix.queues.escalated),
    queueComplaints: b(ix.queues.complaints),
    queueInstructions: b(ix.queues.instructions),
    counted: b(f.counted),
    respondedOnTime: b(f.respondedOnTime),
    resolveDueAt: f.resolveDueAt,
    settled: b(f.settled),
    resolved: b(f.resolved),
    rated: b(f.rated),
    satisfied: b(f.satisfied),
    handlingMs: f.handlingMs,
    overdue: b(f.overdue),
  };
}
export type StoredIndex = ReturnType<typeof storedIndex>;

/** The stored flag of each attention queue. */
export const QUEUE_FIELD: { readonly [Q in AttentionQueue]: keyof StoredIndex } = {
  overdue: 'queueOverdue',
  escalated: 'queueEscalated',
  complaints: 'queueComplaints',
  instructions: 'queueInstructions',
};

/** Notifications are found by a flat key per recipient. */
export const recipientKey = (r: Recipient): string => {
  switch (r.kind) {
    case 'user':
      return `user:${r.userId}`;
    case 'team':
      return `team:${r.teamId}`;
    case 'company':
      return `company:${r.communityId}:${r.companyId}`;
    case 'supervisors':
      return `supervisors:${r.communityId}`;
    default:
      return assertNever(r);
  }
};

/** Opaque keyset cursor: the last row's (sort key, id). */
export const encodeCursor = (key: number, id: string): string => Buffer.from(JSON.stringify([key, id])).toString('base64url');

export function decodeCursor(cursor: string): [number, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // not a cursor we wrote: start from the top
  }
  return null;
}
