import { boardItem, fail, ok, type Actor, type AppError, type BoardItem, type Result } from '@core';
import type { Deps } from '../../runtime/deps';

/**
 * The compound's public 诉求 board: every 诉求 of the compound, open and answered, newest change
 * first, as boardItem shows them (no name, phone or door). A resident reads their own compound's
 * (the first household's unless they name another of theirs); staff of the community any compound.
 */
export async function board(
  deps: Deps,
  actor: Actor,
  compoundId: string | null,
  cursor: string | null,
  limit: number,
): Promise<Result<{ compoundId: string; compoundName: string; items: BoardItem[]; nextCursor: string | null }, AppError>> {
  if (actor.role === 'admin') return fail('AUTH.FORBIDDEN');
  const households = actor.role === 'resident' ? await Promise.all(actor.user.householdIds.map((id) => deps.store.getRef('households', id))) : [];
  const ownCompounds = households.flatMap((h) => (h ? [h.compoundId] : []));
  const wanted = compoundId ?? ownCompounds[0] ?? null;
  if (!wanted) return fail('HOUSEHOLD.NOT_YOURS');
  if (actor.role === 'resident' && !ownCompounds.includes(wanted)) return fail('AUTH.FORBIDDEN');
  const compound = await deps.store.getRef('compounds', wanted);
  if (!compound || compound.communityId !== actor.user.communityId) return fail('JOIN.PLACE_NOT_FOUND');
  const page = await deps.store.listOrders(
    { kind: 'community', communityId: compound.communityId },
    { kind: 'grievance', compoundId: compound.id },
    { limit, cursor, sort: 'recent' },
  );
  const items = page.items.flatMap((o) => boardItem(o, actor.user.id, actor.role === 'resident' ? actor.user.householdIds : []) ?? []);
  return ok({ compoundId: compound.id, compoundName: compound.name, items, nextCursor: page.nextCursor });
}
