import {
  TRANSITIONS,
  check,
  decide,
  err,
  fail,
  lostGrabRace,
  type Actor,
  type ActionType,
  type AppError,
  type Need,
  type NeedsOf,
  type OrderAction,
  type OrderActionOf,
  type OrderView,
  type Result,
  type World,
  type WorldParts,
} from '@core';
import type { Deps } from '../runtime/deps';
import { NO_PHOTOS } from '../runtime/photos';
import { admit, rateLimited, type Limited } from '../runtime/rate-limit';
import { openOrderSession, type OrderSession } from '../storage/port';
import { commitOnce, earlierReply, type Mutation } from './commit-once';

/** An action on one order, as the caller sent it. */
export interface ActRequest {
  readonly orderId: string;
  readonly version: number;
  readonly requestId: string;
  readonly action: OrderAction;
}

/** What an action's input may name that a lookup loads. */
interface Named {
  readonly teamId?: string;
  readonly workerId?: string | null;
  readonly photos?: readonly string[];
  readonly departmentId?: string | null;
  readonly meetingId?: string | null;
}

/** How to load each lookup a rule may declare, from what the action names. Total: a new need does not compile without its loader. */
const LOADERS: { readonly [N in Need]: (deps: Deps, actor: Actor, named: Named) => Promise<WorldParts[N]> } = {
  team: async (deps, _actor, { teamId }) => {
    const team = teamId ? await deps.store.getRef('teams', teamId) : null;
    return (id) => (team?.id === id ? team : undefined);
  },
  user: async (deps, actor, { workerId }) => {
    const worker = workerId ? await deps.store.getRef('users', workerId) : null;
    return (id) => (id === actor.user.id ? actor.user : worker?.id === id ? worker : undefined);
  },
  // The worker the action names (dispatch, reassign), or the actor taking it for themself (grab).
  openOrders: async (deps, actor, { workerId }) => {
    const ids = workerId === null ? [] : [workerId ?? actor.user.id];
    const open = ids.length ? await deps.store.openOrdersOf(ids) : {};
    return (id) => open[id] ?? 0;
  },
  department: async (deps, _actor, { departmentId }) => {
    const d = departmentId ? await deps.store.getRef('departments', departmentId) : null;
    return (id) => (d?.id === id ? d : undefined);
  },
  meeting: async (deps, _actor, { meetingId }) => {
    const m = meetingId ? await deps.store.getRef('meetings', meetingId) : null;
    return (id) => (m?.id === id ? m : undefined);
  },
  photoUploaded: async (deps, actor, { photos = [] }) => {
    const uploaded = photos.length ? await (deps.photos ?? NO_PHOTOS).uploadedBy(actor.user.id, photos) : new Set<string>();
    return (fileId) => uploaded.has(fileId);
  },
};

/** Loads exactly the lookups the action's rule declared, so the core can decide without I/O. */
async function worldFor<A extends ActionType>(deps: Deps, actor: Actor, action: OrderActionOf<A>, now: number): Promise<World<NeedsOf<A>>> {
  const needs: readonly Need[] = TRANSITIONS[action.type].needs;
  const named = action.input as Named;
  const parts = await Promise.all(needs.map(async (need) => [need, await LOADERS[need](deps, actor, named)] as const));
  return { now, actor, ...Object.fromEntries(parts) } as World<NeedsOf<A>>;
}

/** 下单, 接单, 督单 and the resident's follow-ups: one action on one order, exactly once per request id. */
export async function actOnOrder(deps: Deps, actor: Actor, req: ActRequest): Promise<Result<{ order: OrderView }, AppError>> {
  const m = {
    userId: actor.user.id,
    requestId: req.requestId,
    request: { fn: 'orders.act', role: actor.role, orderId: req.orderId, version: req.version, action: req.action },
  };
  // The request id is looked up only when the request cannot go ahead (a round trip saved on every
  // action): a retry of one that was written always lands here, since that write moved the order's
  // version on, and gets the first answer back; one written meanwhile is refused by the commit.
  const replayOr = async (refusal: () => Promise<Result<never, AppError>> | Result<never, AppError>) =>
    (await earlierReply(deps, m, actor, req.orderId)) ?? refusal();
  const spends = req.action.type === 'urge' ? 'urge' : undefined;
  if (!admit(deps.limits, spends ?? null, actor.user.id, deps.now())) return replayOr(() => rateLimited(spends));

  // Read for the write: a store that can keep the read for the commit's version check does (openOrder).
  const session = await openOrderSession(deps.store, req.orderId);
  try {
    return await actOnRead(deps, actor, req, m, session, replayOr, spends);
  } finally {
    await session.release();
  }
}

async function actOnRead(
  deps: Deps,
  actor: Actor,
  req: ActRequest,
  m: Mutation,
  session: OrderSession,
  replayOr: (refusal: () => Promise<Result<never, AppError>> | Result<never, AppError>) => Promise<Result<{ order: OrderView }, AppError>>,
  spends: Limited | undefined,
): Promise<Result<{ order: OrderView }, AppError>> {
  const { order } = session;
  if (!order) return replayOr(() => fail('ORDER.NOT_FOUND'));
  const now = deps.now();
  const [world, community] = await Promise.all([worldFor(deps, actor, req.action, now), deps.store.getRef('communities', order.communityId)]);
  const decided = decide(order, req.action, req.version, world);
  if (!decided.ok) return replayOr(() => explainGrab(deps, actor, req, decided.error));

  const { order: next, event, effects, capacity } = decided.value;
  // The photos of a 完工上报 are claimed for the order before the write, so a crash in between cannot
  // leave them to be removed as unused (the housekeeping keeps a photo whose order was written).
  if ((req.action.type === 'complete' || req.action.type === 'resolve') && req.action.input.photos.length) {
    await deps.photos?.attach(req.action.input.photos, order.id);
  }
  const written = await commitOnce(
    deps,
    m,
    { order: next, expectedVersion: order.version, event, effects, capacity, settings: community?.settings ?? null },
    actor,
    now,
    spends,
    session.commit,
  );
  if (written !== 'version-conflict') return written;

  // Someone else changed the order between our read and our write: explain from the fresh copy
  // (a pool order a teammate grabbed reads "already taken"), else it is a plain version conflict.
  const fresh = await deps.store.getOrder(req.orderId);
  const why = fresh ? check(fresh, req.action.type, { now, actor }, req.version) : fail('ORDER.NOT_FOUND');
  return why.ok ? fail('ORDER.VERSION_CONFLICT') : replayOr(() => explainGrab(deps, actor, req, why.error));
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
