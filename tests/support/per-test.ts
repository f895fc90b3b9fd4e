import { afterEach, beforeEach } from 'vitest';

/**
 * Something opened fresh before each test of the enclosing file (or describe) and closed after it:
 * a test server, an in-process world. The handle returned stands for the one of the running test, so
 * a spec can hold it in a constant (`const t = perTest(startTestServer)`) and every test still gets
 * its own. Hooks the spec adds after this line run after the opening and before the closing.
 */
export function perTest<T extends { close(): unknown }>(open: () => Promise<T>): T {
  let current: T | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!current) throw new Error(`perTest: read .${String(key)} outside a test (the handle is open only from beforeEach to afterEach)`);
      return Reflect.get(current, key, current);
    },
  });
}
