import { ok, type AppError, type Result, type ServiceItem, type User } from '@core';
import type { Deps } from '../runtime/deps';

/** The community's active services, cheapest-first within each category. */
export async function listCatalog(deps: Deps, user: User): Promise<Result<{ items: ServiceItem[] }, AppError>> {
  const items = await deps.store.listRefs('serviceItems', user.communityId);
  return ok({
    items: items.filter((i) => i.active).sort((a, b) => a.category.localeCompare(b.category) || a.redPriceFen - b.redPriceFen),
  });
}
