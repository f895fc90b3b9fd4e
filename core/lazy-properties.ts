/**
 * An object whose every property is made by its function on first read, then kept as a plain,
 * read-only value. Schemas built this way cost a cold start nothing until an action needs them: a
 * cloud function builds only its own actions' schemas, and only as they are called.
 */
export function lazyProperties<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(made, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = makers[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(made, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return made;
}
