import { afterEach, describe, expect, it, vi } from 'vitest';
import { timeOrderedId } from '../../backend/runtime/deps';
import { randomBase36, randomBytes } from '../../backend/runtime/random';
import { newCode } from '../../backend/usecases/membership/invitations';

// CloudBase runs the functions on Node 18 (cloudbaserc.json), where the Web Crypto global is
// hidden behind a flag: ids and invitation codes must come from node:crypto.
describe('random ids on a Node without the crypto global', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes order ids and invitation codes with globalThis.crypto absent', () => {
    vi.stubGlobal('crypto', undefined);
    expect(timeOrderedId('o', 0)).toMatch(/^o0[0-9a-z]{12}$/);
    expect(newCode()).toHaveLength(8);
  });

  it('writes each byte as two base-36 digits, so ids keep their length and order by time', () => {
    expect(randomBase36(6)).toMatch(/^([0-6][0-9a-z]|7[0-3]){6}$/);
    expect(timeOrderedId('n', 1_700_000_000_000) < timeOrderedId('n', 1_700_000_000_001)).toBe(true);
  });

  it('never hands out the same bytes twice, across refills of its pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(Buffer.from(randomBytes(8)).toString('hex'));
    expect(seen.size).toBe(2_000);
    expect(randomBytes(10_000)).toHaveLength(10_000);
  });
});
