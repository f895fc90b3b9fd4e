import type { Store } from './port';

/**
 * The store could not be reached or could not write: a failure of the database, not of our code.
 * The function answers STORE.UNAVAILABLE (the app may retry); anything else thrown is a bug and
 * answers INTERNAL.
 */
export class StoreUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super(`store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailable';
  }
}

/**
 * Wraps every method of an adapter so that what its database throws (`isOutage`) leaves the port as
 * StoreUnavailable; the adapter's own bugs pass through unchanged.
 */
export function translatingOutages(store: Store, isOutage: (e: unknown) => boolean): Store {
  const translate = (e: unknown): never => {
    throw !(e instanceof StoreUnavailable) && isOutage(e) ? new StoreUnavailable(e) : e;
  };
  const wrapped = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      wrapped[key] = value;
      continue;
    }
    wrapped[key] = (...args: unknown[]) => {
      let out: unknown;
      try {
        out = (value as (...a: unknown[]) => unknown).apply(store, args);
      } catch (e) {
        return translate(e);
      }
      return out instanceof Promise ? out.catch(translate) : out;
    };
  }
  return wrapped as unknown as Store;
}

/** JavaScript's own programming errors: whoever throws them has a bug, whatever module it is in. */
export const isProgrammingError = (e: unknown): boolean =>
  e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError;
