import { assertNever } from './result';
import type { Actor } from './actor';
import type { Order } from './order';
import { TERMINAL_STATES } from './order';
import { canSee } from './order-scope';
import { DAY } from './time';

/**
 * Days after an order ends (closed, cancelled, refused) during which the worker who held it and the
 * dispatchers still see the resident's full name, phone and door: enough for the usual follow-up
 * (a forgotten tool, a question about the bill), after which they are masked. docs/privacy.md.
 */
export const CONTACT_RETENTION_DAYS = 3;

/** Who reads an order, as far as privacy is concerned. Admins and the public never read orders. */
export type Viewer = 'household' | 'grid' | 'neighbour' | 'dispatcher' | 'assignee' | 'pool-worker' | 'supervisor' | 'admin';

/** Where an order stands for privacy: still open, ended within the retention days, or ended before. */
export type PrivacyPhase = 'open' | 'recently-ended' | 'ended';

/** How much of the resident's contact one viewer gets: the whole value, a masked form, or nothing. */
export interface ContactVisibility {
  readonly name: 'full' | 'masked' | 'hidden';
  readonly phone: 'full' | 'masked' | 'hidden';
  readonly door: 'full' | 'hidden';
}

const FULL: ContactVisibility = { name: 'full', phone: 'full', door: 'full' };
/** The job and the building, not the person: a pool worker deciding whether to grab sees this much. */
const MASKED: ContactVisibility = { name: 'masked', phone: 'masked', door: 'hidden' };
/** Another resident (a 诉求's 我也遇到 or 关注) learns nothing of the person who raised it, anonymous or not. */
const NOBODY: ContactVisibility = { name: 'hidden', phone: 'hidden', door: 'hidden' };
/** 回访 needs a name and a number to call, never a door to knock on. */
const CALL_BACK: ContactVisibility = { name: 'full', phone: 'full', door: 'hidden' };

/**
 * The contact table of docs/privacy.md (PIPL's "minimum necessary"): the household always sees its own
 * order; the worker who holds it and the dispatchers while it is open and for CONTACT_RETENTION_DAYS
 * after it ends; a pool worker never before grabbing; the supervisor what a 回访 needs; an admin
 * nothing (admins read no orders at all; the row is a second line of defence).
 */
export const CONTACT_VISIBILITY: { readonly [V in Viewer]: { readonly [P in PrivacyPhase]: ContactVisibility } } = {
  household: { open: FULL, 'recently-ended': FULL, ended: FULL },
  // The building's group leader looks after its people while an order is in hand, like its handlers.
  grid: { open: FULL, 'recently-ended': FULL, ended: MASKED },
  neighbour: { open: NOBODY, 'recently-ended': NOBODY, ended: NOBODY },
  dispatcher: { open: FULL, 'recently-ended': FULL, ended: MASKED },
  assignee: { open: FULL, 'recently-ended': FULL, ended: MASKED },
  'pool-worker': { open: MASKED, 'recently-ended': MASKED, ended: MASKED },
  supervisor: { open: CALL_BACK, 'recently-ended': CALL_BACK, ended: CALL_BACK },
  admin: { open: MASKED, 'recently-ended': MASKED, ended: MASKED },
};

/** 138****5678: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张秀兰 → 张**: the surname to address someone politely, not enough to identify them. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length === 0 ? '' : chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** The viewer an actor is for this order (the scope has already decided they may read it). */
export function viewerOf(order: Order, actor: Actor): Viewer {
  switch (actor.role) {
    case 'worker':
      return order.assignment?.mode === 'member' && order.assignment.workerId === actor.user.id ? 'assignee' : 'pool-worker';
    case 'resident':
      // A resident reaches someone else's order only as a neighbour on a 诉求 (我也遇到, 关注).
      return canSee(order, actor) ? 'household' : 'neighbour';
    case 'group_leader':
      return 'grid';
    case 'dispatcher':
    case 'supervisor':
    case 'admin':
      return actor.role;
    default:
      return assertNever(actor.role);
  }
}

/** Open, ended less than CONTACT_RETENTION_DAYS ago, or ended before that. */
export function privacyPhase(order: Order, now: number): PrivacyPhase {
  if (!TERMINAL_STATES.includes(order.state)) return 'open';
  // Cancelled orders written before cancel recorded closedAt fall back to their last change.
  const endedAt = order.closedAt ?? order.updatedAt;
  return now < endedAt + CONTACT_RETENTION_DAYS * DAY ? 'recently-ended' : 'ended';
}

/** What the actor gets of the resident's contact on this order now. */
export const contactVisibility = (order: Order, actor: Actor, now: number): ContactVisibility =>
  CONTACT_VISIBILITY[viewerOf(order, actor)][privacyPhase(order, now)];

/** The order as this actor may see it now: name and phone masked, the door left out, where not needed. */
export function redactOrder(order: Order, actor: Actor, now: number): Order {
  const v = contactVisibility(order, actor, now);
  if (v === FULL) return order;
  const redacted = {
    ...order,
    contactName: v.name === 'full' ? order.contactName : v.name === 'masked' ? maskName(order.contactName) : '',
    contactPhone: v.phone === 'full' ? order.contactPhone : v.phone === 'masked' ? maskPhone(order.contactPhone) : '',
    address: v.door === 'full' ? order.address : { ...order.address, door: '' },
  };
  // A neighbour sees the 诉求 as the board shows it: no photos (faces, doors), nobody else's id.
  if (v !== NOBODY || !order.grievance) return redacted;
  const mine = (ids: readonly string[]) => ids.filter((id) => id === actor.user.id);
  const g = order.grievance;
  return { ...redacted, photos: [], createdBy: '', householdId: '', grievance: { ...g, supporters: mine(g.supporters), followers: mine(g.followers) } };
}
