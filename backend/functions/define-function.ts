import { ROLES, fail, invalid, obj, oneOf, parse, str, type Actor, type AppError, type Envelope, type Result, type Schema, type User } from '@core';
import { StoreUnavailable } from '../storage/outage';
import { actorFor, resolveUser, type Caller } from '../runtime/caller';
import type { Deps } from '../runtime/deps';

type Shape = Parameters<typeof obj>[0];
type Parsed<S extends Shape> = ReturnType<typeof obj<S>> extends Schema<infer T> ? T : never;

/**
 * One action of a function: its input fields and the use case it calls. `public` actions need no
 * identity (the 晾晒 board); `user` ones a known user; `role` ones also name the role the caller
 * acts in (`role` in the event), which the caller must hold.
 */
export type Route<S extends Shape> =
  | { readonly fields: S; readonly access: 'public'; readonly run: (deps: Deps, input: Parsed<S>) => Promise<Result<unknown, AppError>> }
  | { readonly fields: S; readonly access: 'user'; readonly run: (deps: Deps, user: User, input: Parsed<S>) => Promise<Result<unknown, AppError>> }
  | { readonly fields: S; readonly access: 'role'; readonly run: (deps: Deps, actor: Actor, input: Parsed<S>) => Promise<Result<unknown, AppError>> };

/** A cloud function's whole behaviour: event in, envelope out. The caller comes from outside the event. */
export type Handler = (event: unknown, caller: Caller, deps: Deps) => Promise<Envelope<unknown>>;

/** A route with its input type erased: `route()` checked it where it was declared. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<any>;

/** Declares a route with its input type inferred from its fields. */
export const route = <S extends Shape>(r: Route<S>): Route<S> => r;

const actionName = str({ min: 1, max: 40 });
const role = oneOf(ROLES);

/** Turns a Result into the wire envelope. */
export const toEnvelope = <T>(r: Result<T, AppError>): Envelope<T> => (r.ok ? { ok: true, data: r.value } : { ok: false, error: r.error });

/**
 * Builds a thin function: resolve who calls, pick the action, validate, act in a role, reply.
 * Expected failures come back as codes; a store outage answers STORE.UNAVAILABLE, any other throw INTERNAL.
 */
export function defineFunction(name: string, routes: Record<string, AnyRoute>): Handler {
  const schemas = new Map(
    Object.entries(routes).map(([action, r]) => [
      action,
      obj(r.access === 'role' ? { action: actionName, role, ...r.fields } : { action: actionName, ...r.fields }),
    ]),
  );
  return async (event, caller, deps) => {
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return toEnvelope(invalid({ '(root)': '应为对象' }));
      const action = (event as { action?: unknown }).action;
      if (typeof action !== 'string') return toEnvelope(invalid({ action: '缺少操作名称' }));
      const r = Object.hasOwn(routes, action) ? routes[action] : undefined;
      const schema = schemas.get(action);
      if (r?.access === 'public' && schema) {
        const input = parse(schema, event);
        return toEnvelope(input.ok ? await r.run(deps, input.value) : input);
      }
      const user = await resolveUser(deps.store, caller);
      if (!user.ok) return toEnvelope(user);
      if (!r || !schema) return toEnvelope(fail('INPUT.UNKNOWN_ACTION'));
      const input = parse(schema, event);
      if (!input.ok) return toEnvelope(input);
      if (r.access === 'public') return toEnvelope(await r.run(deps, input.value));
      if (r.access === 'user') return toEnvelope(await r.run(deps, user.value, input.value));
      const actor = await actorFor(deps.store, user.value, (input.value as { role?: unknown }).role);
      if (!actor.ok) return toEnvelope(actor);
      return toEnvelope(await r.run(deps, actor.value, input.value));
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
