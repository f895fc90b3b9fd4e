import type { OrderFacts } from '@core';
import { sameFacts } from '../rollups';
import { storedFacts } from './order-doc';

type Raw = Record<string, unknown>;

/**
 * The statistics facts an order's document says the rollups hold for it (`rolled`), null when they
 * hold nothing of it yet (an order placed since rollups are folded after the commit). A document
 * without the field was written before that: its commits kept the rollups in step in their own
 * transaction, so the rollups hold exactly the facts it stores.
 */
export function rolledOf(doc: Raw): OrderFacts | null {
  return 'rolled' in doc ? ((doc.rolled as OrderFacts | null | undefined) ?? null) : storedFacts(doc);
}

/**
 * What a commit writes beside an order so that the fold (rollup-fold.ts) finds it: `rolled` carried
 * over unchanged (only a fold moves it, together with the rollup rows), and `rollupDue` set when the
 * facts it now stores differ from them. It rides in the order's own write: no request of its own.
 */
export function rollupMarks(before: Raw | null, after: Raw): { rolled: OrderFacts | null; rollupDue: boolean } {
  const rolled = before ? rolledOf(before) : null;
  return { rolled, rollupDue: !sameFacts(rolled, storedFacts(after)) };
}
