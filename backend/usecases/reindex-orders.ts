import { orderIndex, type Community } from '@core';
import type { Deps } from '../runtime/deps';

/**
 * Stores the core's index of a community's orders under its current settings, a page at a time:
 * the open ones after the admin changed the escalation interval, or all of them for a CloudBase
 * environment whose documents were written before a field was added to the index. An order a
 * commit changes meanwhile is left to that commit. Returns how many were re-indexed.
 */
export async function reindexOrders(deps: Deps, community: Community, which: 'open' | 'all'): Promise<number> {
  const scope = { kind: 'community', communityId: community.id } as const;
  let cursor: string | null = null;
  let written = 0;
  do {
    const page = await deps.store.listOrders(scope, which === 'open' ? { open: true } : {}, { limit: 500, cursor });
    written += await deps.store.reindex(page.items.map((o) => ({ orderId: o.id, version: o.version, index: orderIndex(o, community.settings) })));
    cursor = page.nextCursor;
  } while (cursor);
  return written;
}
