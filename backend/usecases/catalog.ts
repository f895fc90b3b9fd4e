import { ok, rankPopularServices, scopeFor, type AppError, type Result, type ServiceCategory, type ServiceItem, type User } from '@core';
import type { Deps } from '../runtime/deps';

/** How far back the community's habits count for the elder-mode home (a month of meals and visits). */
const POPULAR_WINDOW_MS = 30 * 86_400_000;
/** The resident's own latest orders that count: enough to see a habit, cheap to read. */
const OWN_ORDERS_READ = 50;

/**
 * The community's active services, cheapest-first within each category, and `popular`: the same ids
 * ranked by the resident's own orders and the community's (what the elder-mode home shows first).
 */
export async function listCatalog(deps: Deps, user: User): Promise<Result<{ items: ServiceItem[]; popular: string[] }, AppError>> {
  const all = await deps.store.listRefs('serviceItems', user.communityId);
  const items = all.filter((i) => i.active).sort((a, b) => a.category.localeCompare(b.category) || a.redPriceFen - b.redPriceFen);
  const now = deps.now();
  const [own, community] = await Promise.all([
    user.roles.includes('resident')
      ? deps.store.listOrders(scopeFor({ user, role: 'resident', teamIds: [] }), {}, { limit: OWN_ORDERS_READ })
      : Promise.resolve({ items: [] }),
    deps.store.metricSums(user.communityId, { from: now - POPULAR_WINDOW_MS, to: now }, 'category', now),
  ]);
  const ownByItem: Record<string, number> = {};
  for (const o of own.items) ownByItem[o.serviceItemId] = (ownByItem[o.serviceItemId] ?? 0) + 1;
  const byCategory: Partial<Record<ServiceCategory, number>> = {};
  for (const g of community) if (g.key) byCategory[g.key as ServiceCategory] = g.sums.orders;
  return ok({ items, popular: rankPopularServices(items, ownByItem, byCategory) });
}
