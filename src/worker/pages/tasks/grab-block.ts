import { grabBarrier, HELD_STATES, type OrderState, type SessionInfo } from '@core';

/** How many open orders a worker holds, from the counts of their own list (which ignore its state filter). */
export const heldCount = (counts: Readonly<Record<OrderState, number>>): number => HELD_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);

/**
 * Why this worker cannot grab now, in the words the grab rule refuses with (grabBarrier), or null:
 * said above the pool before any 抢单 is tapped, rather than after its confirm dialog. `held` is null
 * while unknown (the 抢单 stays offered, and the server still decides).
 */
export const grabBlock = (user: SessionInfo['user'] | null, held: number | null): string | null => (user ? (grabBarrier(user, held)?.message ?? null) : null);
