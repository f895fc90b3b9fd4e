import type { ServiceCategory, ServiceItem } from './community';

/** How much one of the resident's own orders counts against one of the community's (their own habits come first). */
export const OWN_ORDER_WEIGHT = 10;

/**
 * The services an elder-mode home shows first: ranked by the resident's own orders of each service,
 * then by how often the community orders its category, then by the catalogue's own order (stable).
 * Returns item ids; items nobody has ordered keep their catalogue place behind the used ones.
 */
export function rankPopularServices(
  items: readonly ServiceItem[],
  ownByItem: Readonly<Record<string, number>>,
  communityByCategory: Readonly<Partial<Record<ServiceCategory, number>>>,
): string[] {
  const score = (i: ServiceItem) => (ownByItem[i.id] ?? 0) * OWN_ORDER_WEIGHT + (communityByCategory[i.category] ?? 0);
  return items
    .map((item, place) => ({ item, place, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.place - b.place)
    .map((x) => x.item.id);
}
