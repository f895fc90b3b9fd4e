import { CATEGORY_LABELS, type ServiceCategory } from './community';
import type { Order } from './order';
import { chinaDate } from './china-time';

/**
 * One finished case on the public 晾晒 board: what kind of service, which compound, how fast, how
 * the resident rated it. No person, no building or door, no description or comment (docs/privacy.md).
 */
export interface PublicCase {
  readonly service: string;
  readonly compound: string;
  /** The China-time day it was finished, "2026-11-29". */
  readonly day: string;
  /** From when the resident wanted it (placed, or the booked start if later) to the completion report. */
  readonly tookMinutes: number;
  /** The rating's three dimensions averaged, to one decimal (1–5). */
  readonly stars: number;
}

/**
 * Care services can say something about a resident's health (助浴, 陪护就医): on a public list only
 * their category shows, never the service's own name.
 */
const CARE: ReadonlySet<ServiceCategory> = new Set(['daycare', 'homecare', 'companion']);

/** The public form of a finished, rated order; null for any other (open, unrated, closed by the sweep). */
export function publicCase(o: Order): PublicCase | null {
  if (o.state !== 'closed' || !o.rating || !o.completion || o.autoClosed) return null;
  const wanted = Math.max(o.createdAt, o.timeWindow.from);
  const { attitude, timeliness, quality } = o.rating;
  return {
    service: CARE.has(o.category) ? CATEGORY_LABELS[o.category] : o.serviceName,
    compound: o.address.compoundName,
    day: chinaDate(o.completion.at),
    tookMinutes: Math.max(0, Math.round((o.completion.at - wanted) / 60_000)),
    stars: Math.round(((attitude + timeliness + quality) / 3) * 10) / 10,
  };
}
