import type * as v from 'valibot';
import type { AppError } from '../errors';
import type { Result } from '../result';
import { ROLES } from '../roles';
import { obj, oneOf, optional, str } from './fields';
import { CONTRACT, type Access, type ActionContract } from './functions';
import { parse } from './validate';
import { lazyProperties } from '../lazy-properties';

/**
 * Names every request carries: the action, for `role` actions the role acted in, and (for a person
 * who belongs to several communities, 社区切换) the community acted in: any action but a public one
 * may name it; without it, the community they joined first. The transport adds it to every event,
 * so it is no action's own field. Each is built when first read: a cold start builds no schema.
 */
const NAMES = lazyProperties({
  action: () => str({ min: 1, max: 40 }),
  role: () => oneOf(ROLES),
  community: () => optional(str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ })),
});

export type Contract = typeof CONTRACT;
export type FunctionName = keyof Contract;
export type ActionOf<F extends FunctionName> = keyof Contract[F] & string;
type ContractOf<F extends FunctionName, A extends ActionOf<F>> = Contract[F][A];

/** The fields of a request as the handler validates it (without `action`). */
export type RequestEntries<C> =
  C extends ActionContract<'role', infer E> ? E & { readonly role: typeof NAMES.role } : C extends ActionContract<Access, infer E> ? E : never;
type RequestSchema<C> = v.StrictObjectSchema<RequestEntries<C>, undefined>;

/** What the app sends for an action: fields with a default may be left out. */
export type RequestOf<F extends FunctionName, A extends ActionOf<F>> = v.InferInput<RequestSchema<ContractOf<F, A>>>;
/** What the handler receives once the request is valid: defaults filled in, text trimmed. */
export type InputOf<F extends FunctionName, A extends ActionOf<F>> = v.InferOutput<RequestSchema<ContractOf<F, A>>>;
/** What the action replies on success. */
export type ReplyOf<F extends FunctionName, A extends ActionOf<F>> = ContractOf<F, A> extends ActionContract<Access, v.ObjectEntries, infer R> ? R : never;

/** The request fields of one action, `role` included where the action needs one (for forms, the fuzzer and the docs). */
export function requestEntries(c: ActionContract): v.ObjectEntries {
  return c.access === 'role' ? { role: NAMES.role, ...c.request } : c.request;
}

/** The whole event one action accepts: `action`, then its request fields, strictly. */
export const eventSchema = (c: ActionContract) =>
  c.access === 'public' ? obj({ action: NAMES.action, ...requestEntries(c) }) : obj({ action: NAMES.action, community: NAMES.community, ...requestEntries(c) });

/** The declaration of one action, looked up by name (undefined for a name the contract lacks, inherited ones included). */
export function contractOf(fn: string, name: string): ActionContract | undefined {
  if (!Object.hasOwn(CONTRACT, fn)) return undefined;
  const actions = CONTRACT[fn as FunctionName] as Readonly<Record<string, ActionContract>>;
  return Object.hasOwn(actions, name) ? actions[name] : undefined;
}

const requestSchemas = new Map<string, ReturnType<typeof obj>>();
/**
 * Checks a request the app is about to send with the very schema its handler uses: the forms show
 * every problem beside its field before anything is sent. Paths are relative to the request.
 */
export function checkRequest<F extends FunctionName, A extends ActionOf<F>>(fn: F, name: A, request: RequestOf<F, A>): Result<InputOf<F, A>, AppError> {
  const key = `${fn}.${name}`;
  let schema = requestSchemas.get(key);
  if (!schema) {
    schema = obj(requestEntries(contractOf(fn, name)!));
    requestSchemas.set(key, schema);
  }
  return parse(schema, request) as Result<InputOf<F, A>, AppError>;
}
