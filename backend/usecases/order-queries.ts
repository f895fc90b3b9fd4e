import {
  canSee,
  fail,
  invalid,
  narrowToHolder,
  ok,
  scopeFor,
  TIMELINE_PAGE,
  workerContactFor,
  type Actor,
  type AppError,
  type Order,
  type OrderEvent,
  type OrderListFilter,
  type OrderSort,
  type OrderState,
  type OrderView,
  type Result,
  type ServedBy,
} from '@core';
import type { Deps } from '../runtime/deps';
import { NO_PHOTOS } from '../runtime/photos';
import { decodeCursor } from '../storage/order-index';
import { viewOrder } from './order-view';

/** How many timeline events `orders.get` answers unless asked for fewer or more. */

/**
 * One order with a page of its timeline, if the actor may see it: the newest `limit` events before
 * `before` (the newest of all when null), and in `older` the seq to ask `before` for the ones before
 * those (null at the first event). A busy order's reply stays the same size however long it runs.
 */
export async function getOrder(
  deps: Deps,
  actor: Actor,
  orderId: string,
  page: { before: number | null; limit: number } = { before: null, limit: TIMELINE_PAGE },
): Promise<Result<{ order: OrderView; events: OrderEvent[]; older: number | null; photoUrls: Record<string, string> }, AppError>> {
  const order = await deps.store.getOrder(orderId);
  if (!order || !canSee(order, actor)) return fail('ORDER.NOT_FOUND');
  const events = await deps.store.listEvents(orderId, { beforeSeq: page.before, limit: page.limit });
  // Seqs run 1…n without gaps: a page that starts after 1 has events before it.
  const first = events[0]?.seq ?? 1;
  const view: { -readonly [K in keyof OrderView]: OrderView[K] } = viewOrder(order, actor, deps.now());
  // Only the photos the viewer's view carries, and only here, where canSee has let them in.
  const photos = photosOf(view);
  const [servedBy, photoUrls] = await Promise.all([
    actor.role === 'resident' ? servedByOf(deps, order) : undefined,
    photos.length ? (deps.photos ?? NO_PHOTOS).viewUrls(photos) : undefined,
  ]);
  // Set on the view itself, which viewOrder made for this call (the order is the store's, shared by
  // every reader): a copy of some fifty fields and one more would take a hidden class of its own
  // (order-number.ts says what that cost).
  if (servedBy !== undefined) view.servedBy = servedBy;
  return ok({
    order: view,
    events,
    older: first > 1 ? first : null,
    photoUrls: photoUrls ? { ...photoUrls } : {},
  });
}

/** The photos an order view shows: the resident's, and the completion report's. */
function photosOf(view: OrderView): string[] {
  return [...view.photos, ...(view.completion?.photos ?? [])];
}

/** The worker's name, team and (while the order is theirs and open) phone, for the household. */
async function servedByOf(deps: Deps, order: Order): Promise<ServedBy | null> {
  const contact = workerContactFor(order);
  if (!contact) return null;
  const [worker, team] = await Promise.all([deps.store.getRef('users', contact.workerId), deps.store.getRef('teams', contact.teamId)]);
  if (!worker) return null;
  return { name: worker.name, teamName: team?.name ?? '', phone: contact.phone ? worker.phone : null };
}

/** A page of the orders the actor may see, newest change first, with counts per state for the tabs. */
export async function listOrders(
  deps: Deps,
  actor: Actor,
  filter: OrderListFilter,
  cursor: string | null,
  limit: number,
  sort: OrderSort = 'recent',
): Promise<Result<{ items: OrderView[]; nextCursor: string | null; counts: Record<OrderState, number> }, AppError>> {
  if (cursor !== null && !decodeCursor(cursor)) return invalid({ cursor: '翻页位置无效，请刷新' });
  const { holder, ...rest } = filter;
  const scope = narrowToHolder(scopeFor(actor), holder);
  const [page, counts] = await Promise.all([
    deps.store.listOrders(scope, rest, { limit, cursor, sort }),
    // Counts ignore the state filter: they label the state tabs.
    deps.store.countByState(scope, { ...rest, states: undefined }),
  ]);
  const now = deps.now();
  return ok({ items: page.items.map((o) => viewOrder(o, actor, now)), nextCursor: page.nextCursor, counts });
}
