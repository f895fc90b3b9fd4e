import type { Millis } from './community';
import type { Order } from './order';
import { chinaDate } from './china-time';

/** China Standard Time (UTC+8): a community's day for numbering is its calendar day. */

/** The China date an order placed at `now` is numbered in ("2026-11-30"): the key of the day's counter. */
export const orderNumberDay = (now: Millis): string => chinaDate(now);

/**
 * "1130-017": month and day, then the day's sequence in the community, at least three digits. Short
 * enough to read out on the phone; unique in a community within a year, which is as long as anyone
 * asks about an order by its number.
 */
export function formatOrderNumber(day: string, seq: number): string {
  return `${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(3, '0')}`;
}

/**
 * The placed order with its number. Copied key by key onto a new object (Object.assign), not spread
 * with the number added: in V8 (Node 20) a spread copy of an object of some fifty keys that then
 * gains a key took a hidden class of its own, a new one for every order placed, and every site that
 * reads an order (its index, its facts, its view, the store's row) missed its inline cache on each
 * new order (docs/performance.md, session 15; tests/core/order-shape.test.ts).
 */
export const numberedOrder = (order: Order, number: string): Order => Object.assign({}, order, { number });

/** The number to show and say: the order's own, or for orders placed before numbers existed, the end of its id. */
export const orderNumberOf = (order: Pick<Order, 'id' | 'number'>): string => order.number ?? order.id.slice(-6).toUpperCase();
