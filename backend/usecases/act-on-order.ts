import {
  check,
  decide,
  err,
  fail,
  lostGrabRace,
  type Actor,
  type AppError,
  type OrderAction,
  type OrderView,
  type Result,
  type ServiceTeam,
  type User,
  type World,
} from '@core';
import type { Deps } from '../runtime/deps';
import { NO_PHOTOS } from '../runtime/photos';
import { admit, rateLimited } from '../runtime/rate-limit';
import { commitOnce, earlierReply } from './commit-once';

/** An action on one order, as the caller sent it. */
export interface ActRequest {
  readonly orderId: string;
  readonly version: number;
  readonly requestId: string;
  readonly action: OrderAction;
}

/** Loads exactly what the action's rules may look up, so the core can decide without I/O. */
async function worldFor(deps: Deps, actor: Actor, action: OrderAction, now: number): Promise<World> {
  const { store } = deps;
  const teams = new Map<string, ServiceTeam>();
  const users = new Map<string, User>([[actor.user.id, actor.user]]);
  const workerIds: string[] = [];
  if (action.type === 'dispatch' || action.type === 'reassign') {
    const team = await store.getRef('teams', action.input.teamId);
    if (team) teams.set(team.id, team);
    if (action.input.workerId) {
      const worker = await store.getRef('users', action.input.workerId);
      if (worker) users.set(worker.id, worker);
      workerIds.push(action.input.workerId);
    }
  }
  if (action.type === 'grab') workerIds.push(actor.user.id);
  const photos = action.type === 'complete' ? action.input.photos : [];
  const [open, uploaded] = await Promise.all([
    store.openOrdersOf(workerIds),
    photos.length ? (deps.photos ?? NO_PHOTOS).uploadedBy(actor.user.id, photos) : new Set<string>(),
  ]);
  return {
    now,
    actor,
    team: (id) => teams.get(id),
    user: (id) => users.get(id),
    openOrders: (id) => open[id] ?? 0,
    photoUploaded: (fileId) => uploaded.has(fileId),
  };
}

/** 下单, 接单, 督单 and the resident's follow-ups: one action on one order, exactly once per request id. */
export async function actOnOrder(deps: Deps, actor: Actor, req: ActRequest): Promise<Result<{ order: OrderView }, AppError>> {
  const m = {
    userId: actor.user.id,
    requestId: req.requestId,
    request: { fn: 'orders.act', role: actor.role, orderId: req.orderId, version: req.version, action: req.action },
  };
  const earlier = await earlierReply(deps, m, actor);
  if (earlier) return earlier;
  const spends = req.action.type === 'urge' ? 'urge' : undefined;
  if (!admit(deps.limits, spends ?? null, actor.user.id, deps.now())) return rateLimited(spends);

  const order = await deps.store.getOrder(req.orderId);
  if (!order) return fail('ORDER.NOT_FOUND');
  const now = deps.now();
  const world = await worldFor(deps, actor, req.action, now);
  const decided = decide(order, req.action, req.version, world);
  if (!decided.ok) return explainGrab(deps, actor, req, decided.error);

  const { order: next, event, effects, capacity } = decided.value;
  // The photos of a 完工上报 are claimed for the order before the write, so a crash in between cannot
  // leave them to be removed as unused (the housekeeping keeps a photo whose order was written).
  if (req.action.type === 'complete' && req.action.input.photos.length) await deps.photos?.attach(req.action.input.photos, order.id);
  const written = await commitOnce(deps, m, { order: next, expectedVersion: order.version, event, effects, capacity }, actor, now, spends);
  if (written !== 'version-conflict') return written;

  // Someone else changed the order between our read and our write: explain from the fresh copy
  // (a pool order a teammate grabbed reads "already taken"), else it is a plain version conflict.
  const fresh = await deps.store.getOrder(req.orderId);
  const why = fresh ? check(fresh, req.action.type, { now, actor }, req.version) : fail('ORDER.NOT_FOUND');
  return why.ok ? fail('ORDER.VERSION_CONFLICT') : explainGrab(deps, actor, req, why.error);
}

/**
 * A grab refused as "not found" lost a race only if the worker saw the order in their pool at the
 * version they sent; then they hear "already taken". Any other refusal stands as it is.
 */
async function explainGrab(deps: Deps, actor: Actor, req: ActRequest, error: AppError): Promise<Result<never, AppError>> {
  if (req.action.type !== 'grab' || error.code !== 'ORDER.NOT_FOUND') return err(error);
  const events = await deps.store.listEvents(req.orderId);
  return lostGrabRace(events, actor, req.version) ? fail('ORDER.ALREADY_TAKEN') : err(error);
}
