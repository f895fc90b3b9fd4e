import { REFERENCE_KINDS, type Store } from '../storage/port';
import { DEMO_DATA } from './demo-data';

/** Writes the demo community (idempotent: documents are upserted by id). */
export async function seedDemo(store: Store): Promise<void> {
  for (const kind of REFERENCE_KINDS) await store.putRefs(kind, DEMO_DATA[kind] as never);
}

/** Seeds only a store that has no community yet, so restarts keep what users changed. */
export async function seedIfEmpty(store: Store): Promise<boolean> {
  if ((await store.listRefs('communities')).length > 0) return false;
  await seedDemo(store);
  return true;
}
