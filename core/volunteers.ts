import type { Millis, User } from './community';
import type { Order } from './order';
import { monthOf } from './metric-groups';
import { HOUR } from './time';

/**
 * 在职党员报到 (seeds 002, 004): a party member who works elsewhere registers with the community where
 * they live, says what they can do, and serves free volunteer orders (志愿服务) through the same
 * lifecycle as any worker. Their hours are what the community records and reports.
 */

/** Hours on site, from 开始服务 to 完工, rounded to the nearest half hour; at least half an hour for any service. */
export function volunteerHours(startedAt: Millis | null, completedAt: Millis): number {
  if (startedAt === null || completedAt <= startedAt) return 0.5;
  return Math.max(0.5, Math.round(((completedAt - startedAt) / HOUR) * 2) / 2);
}

/** One volunteer's service in one month, as the supervisor reads and exports it. */
export interface VolunteerMonth {
  readonly userId: string;
  readonly name: string;
  readonly skills: string;
  readonly workplace: string;
  readonly orders: number;
  readonly hours: number;
}

/** Whether an order's volunteer hours count, and for whom: completed volunteer orders held by one worker. */
function servedBy(order: Order): string | null {
  if (!order.volunteer || !order.completion || order.assignment?.mode !== 'member') return null;
  return order.assignment.workerId;
}

/**
 * Each registered volunteer's orders and hours in the China month `month` ("2026-11") by completion
 * time, most hours first; volunteers without service that month are listed with none, so nobody is
 * left off the record.
 */
export function volunteerMonth(volunteers: readonly User[], orders: readonly Order[], month: string): VolunteerMonth[] {
  const sums = new Map<string, { orders: number; hours: number }>();
  for (const order of orders) {
    const worker = servedBy(order);
    if (worker === null || monthOf(order.completion!.at) !== month) continue;
    const s = sums.get(worker) ?? { orders: 0, hours: 0 };
    sums.set(worker, { orders: s.orders + 1, hours: s.hours + (order.volunteerHours ?? 0) });
  }
  return volunteers
    .filter((u) => u.volunteer)
    .map((u) => ({
      userId: u.id,
      name: u.name,
      skills: u.volunteer!.skills,
      workplace: u.volunteer!.workplace,
      orders: sums.get(u.id)?.orders ?? 0,
      hours: sums.get(u.id)?.hours ?? 0,
    }))
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'zh'));
}
