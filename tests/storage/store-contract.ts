import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '@backend/storage/port';
import { capacityContract } from './contract/capacity';
import { messagesContract } from './contract/messages';
import { commitContract } from './contract/commit';
import { notificationsAndClearContract } from './contract/notifications';
import { orderNumbersContract } from './contract/order-numbers';
import { orderQueriesContract } from './contract/orders';
import { referenceDataContract } from './contract/reference';
import { repliesAndTimelineContract } from './contract/replies-and-timeline';
import { reindexContract } from './contract/reindex';
import { rollupsContract } from './contract/rollups';
import { statsCutContract } from './contract/stats-cut';

/**
 * The storage port as a specification: every adapter must pass it. `open` returns a store that
 * may hold old data; each part clears it where it needs a known state. The expected answers come
 * from the core (inScope, orderIndex, orderFacts, addFacts, groupKey) via contract/reference-model.ts.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(name, () => {
    let store: Store | undefined;
    const s = () => {
      if (!store) throw new Error('store not open');
      return store;
    };
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.clear();
      await store?.close();
    });
    referenceDataContract(s);
    commitContract(s);
    capacityContract(s);
    orderQueriesContract(s);
    reindexContract(s);
    notificationsAndClearContract(s);
    repliesAndTimelineContract(s);
    orderNumbersContract(s);
    rollupsContract(s);
    statsCutContract(s);
    messagesContract(s);
  });
}
