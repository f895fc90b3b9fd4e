import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

/** SHA-256 of `text` in base64url, by the classic API: the independent expectation. */
const expected = (text: string) => createHash('sha256').update(text).digest('base64url');

const request = { fn: 'orders.create', input: { description: '水龙头漏水', photos: [] } };

describe('request digests', () => {
  it("fingerprint a request as the SHA-256 of its JSON, and name a create's order from its reply key", async () => {
    const { fingerprint, orderIdFor } = await import('@backend/runtime/idempotency');
    expect(fingerprint(request)).toBe(expected(JSON.stringify(request)));
    expect(orderIdFor('o', 'u1:r1')).toBe(`o${expected('u1:r1').slice(0, 22)}`);
  });

  it("give the same digests on a Node without the one-shot hash (CloudBase's Node 18)", async () => {
    vi.resetModules();
    vi.doMock('node:crypto', async (original) => ({ ...(await original<typeof import('node:crypto')>()), hash: undefined }));
    try {
      const { fingerprint, orderIdFor } = await import('@backend/runtime/idempotency');
      expect(fingerprint(request)).toBe(expected(JSON.stringify(request)));
      expect(orderIdFor('o', 'u1:r1')).toBe(`o${expected('u1:r1').slice(0, 22)}`);
    } finally {
      vi.doUnmock('node:crypto');
      vi.resetModules();
    }
  });
});
