import { describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
import { runSweep } from '@backend/usecases/sweep';
import { useSupervisionWorld } from './harness';

const w = useSupervisionWorld();
const actions = async (orderId: string) => (await w.store.listEvents(orderId)).map((e) => e.action);

describe('a sweep bounded in time (the cloud function has a timeout)', () => {
  it('stops between pages once its budget is spent, and the next runs carry on until every due order is marked', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => w.place()));
    w.advance(15 * MINUTE);
    const first = await runSweep(w.deps, { batch: 5, budgetMs: 0 });
    expect(first).toMatchObject({ examined: 5, changed: 5, unfinished: true });
    const second = await runSweep(w.deps, { batch: 5, budgetMs: 0 });
    expect(second).toMatchObject({ examined: 5, changed: 5, unfinished: true });
    expect(await runSweep(w.deps, { batch: 5, budgetMs: 0 })).toMatchObject({ examined: 2, changed: 2, unfinished: false });
    for (const id of ids) expect(await actions(id)).toEqual(['create', 'overdue']);
    expect(await runSweep(w.deps, { batch: 5, budgetMs: 0 })).toMatchObject({ examined: 0, unfinished: false });
  });

  it('without a budget reaches every due order in one run', async () => {
    await Promise.all(Array.from({ length: 7 }, () => w.place()));
    w.advance(15 * MINUTE);
    expect(await runSweep(w.deps, { batch: 3 })).toMatchObject({ examined: 7, changed: 7, unfinished: false });
  });
});
