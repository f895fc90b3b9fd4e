import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@core$/, replacement: here('./core/index.ts') },
      { find: /^@core\/(.*)$/, replacement: here('./core/$1') },
      { find: /^@backend\/(.*)$/, replacement: here('./backend/$1') },
      // The app's own modules, for specs of what its screens print (tests/app).
      { find: /^@\/(.*)$/, replacement: here('./src/$1') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The embedded store freezes the orders its cache hands to every reader, so that a reader that
    // changes one fails here (backend/storage/embedded/order-cache.ts); servers the tests start inherit it.
    env: { RP_FREEZE_SHARED_ORDERS: '1' },
  },
});
