import { assertNever, nextSweepAt, orderFacts, type Order } from '@core';
import type { Recipient } from '@core';

/**
 * What both adapters store beside an order on every write: the sweep's next moment, the attention
 * queues, and the core's 三率 facts as 0/1 flags. Databases cannot run the core, so they query these.
 */
export function orderIndex(o: Order) {
  const f = orderFacts(o);
  const b = (x: boolean) => (x ? 1 : 0);
  return {
    nextSweepAt: nextSweepAt(o),
    clockLevel: o.clock?.level ?? 0,
    openComplaints: o.complaints.filter((c) => !c.answer).length,
    openInstructions: o.instructions.filter((i) => !i.answer).length,
    counted: b(f.counted),
    respondedOnTime: b(f.respondedOnTime),
    resolveDueAt: f.resolveDueAt,
    settled: b(f.settled),
    resolved: b(f.resolved),
    rated: b(f.rated),
    satisfied: b(f.satisfied),
    handlingMs: f.handlingMs,
    overdue: b(f.overdue),
    facts: f,
  };
}

/** Notifications are found by a flat key per recipient. */
export const recipientKey = (r: Recipient): string => {
  switch (r.kind) {
    case 'user':
      return `user:${r.userId}`;
    case 'team':
      return `team:${r.teamId}`;
    case 'company':
      return `company:${r.companyId}`;
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
