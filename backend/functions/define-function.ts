import {
  type CONTRACT,
  contractOf,
  eventSchema,
  fail,
  invalid,
  parse,
  type Access,
  type ActionContract,
  type ActionOf,
  type Actor,
  type AppError,
  type Envelope,
  type FunctionName,
  type InputOf,
  type ReplyOf,
  type Result,
  type User,
} from '@core';
import { actorFor, resolveIdentity, type Caller, type Identity } from '../runtime/caller';
import type { Deps } from '../runtime/deps';
import { StoreUnavailable } from '../storage/outage';

type Reply<F extends FunctionName, A extends ActionOf<F>> = Promise<Result<ReplyOf<F, A>, AppError>>;
type AccessOf<F extends FunctionName, A extends ActionOf<F>> = (typeof CONTRACT)[F][A] extends ActionContract<infer X> ? X : never;

/**
 * The use case behind one action, with what its access gives it: nothing for a `public` action,
 * the user for a `user` one, the user acting in a role for a `role` one. Its input is the request
 * the contract declares, validated, and its reply the type the contract promises.
 */
export type Run<F extends FunctionName, A extends ActionOf<F>> =
  AccessOf<F, A> extends 'public'
    ? (deps: Deps, input: InputOf<F, A>) => Reply<F, A>
    : AccessOf<F, A> extends 'identity'
      ? (deps: Deps, who: Identity, input: InputOf<F, A>) => Reply<F, A>
      : AccessOf<F, A> extends 'user'
        ? (deps: Deps, user: User, input: InputOf<F, A>) => Reply<F, A>
        : (deps: Deps, actor: Actor, input: InputOf<F, A>) => Reply<F, A>;

/** Every action of a function with its use case: a total map, so an action the contract adds cannot be forgotten. */
export type Runs<F extends FunctionName> = { readonly [A in ActionOf<F>]: Run<F, A> };

/** A cloud function's whole behaviour: event in, envelope out. The caller comes from outside the event. */
export type Handler = (event: unknown, caller: Caller, deps: Deps) => Promise<Envelope<unknown>>;

/** Turns a Result into the wire envelope. */
export const toEnvelope = <T>(r: Result<T, AppError>): Envelope<T> => (r.ok ? { ok: true, data: r.value } : { ok: false, error: r.error });

type AnyRun = (deps: Deps, who: unknown, input?: unknown) => Promise<Result<unknown, AppError>>;

/**
 * Builds a thin function from the contract: resolve who calls, pick the action, validate the
 * request against its declaration, act in a role, reply. Expected failures come back as codes; a
 * store outage answers STORE.UNAVAILABLE, anything else thrown INTERNAL.
 */
export function defineFunction<F extends FunctionName>(name: F, runs: Runs<F>): Handler {
  // Each action's schema is built the first time it is called: a cold start builds only its own.
  const routes = new Map<string, { access: Access; schema: ReturnType<typeof eventSchema>; run: AnyRun }>();
  const routeOf = (action: string) => {
    if (!Object.hasOwn(runs, action)) return undefined;
    let route = routes.get(action);
    if (!route) {
      const declared = contractOf(name, action)!;
      route = { access: declared.access as Access, schema: eventSchema(declared), run: runs[action as ActionOf<F>] as unknown as AnyRun };
      routes.set(action, route);
    }
    return route;
  };
  return async (event, caller, deps) => {
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return toEnvelope(invalid({ '(root)': '应为对象' }));
      const action = (event as { action?: unknown }).action;
      if (typeof action !== 'string') return toEnvelope(invalid({ action: '缺少操作名称' }));
      const route = routeOf(action);
      if (route?.access === 'public') {
        const input = parse(route.schema, event);
        return toEnvelope(input.ok ? await (route.run as (deps: Deps, input: unknown) => Promise<Result<unknown, AppError>>)(deps, input.value) : input);
      }
      const named = (event as { community?: unknown }).community;
      const who = await resolveIdentity(deps.store, caller, typeof named === 'string' && named ? named : null);
      if (!who.ok) return toEnvelope(who);
      const user = who.value.user;
      if (!user && route?.access !== 'identity') return toEnvelope(fail('AUTH.UNKNOWN_USER'));
      if (!route) return toEnvelope(fail('INPUT.UNKNOWN_ACTION'));
      const input = parse(route.schema, event);
      if (!input.ok) return toEnvelope(input);
      if (route.access === 'identity') return toEnvelope(await route.run(deps, who.value, input.value));
      if (route.access === 'user') return toEnvelope(await route.run(deps, user, input.value));
      const actor = await actorFor(deps.store, user!, (input.value as { role?: unknown }).role);
      if (!actor.ok) return toEnvelope(actor);
      return toEnvelope(await route.run(deps, actor.value, input.value));
    } catch (e) {
      // Only a store the adapter reports as unreachable is worth retrying; anything else is a bug.
      if (e instanceof StoreUnavailable) {
        console.error(`[${name}] store unavailable`, e.cause);
        return toEnvelope(fail('STORE.UNAVAILABLE'));
      }
      console.error(`[${name}] unexpected failure`, e);
      return toEnvelope(fail('INTERNAL'));
    }
  };
}
