import { EJSON as BSON_EJSON } from 'bson';
import { describe, expect, it } from 'vitest';
import { EJSON } from '@backend/cloud/ejson-lite';

/**
 * The function bundles carry ejson-lite.ts in place of `bson` (scripts/function-bundle.ts): what it
 * sends to the database and how it reads the answers must be bson's, byte for byte and value for value.
 */
const NUMBERS = [
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1,
  -1,
  7,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  1.5,
  -1.5,
  0.1,
  1e-7,
  5e-324,
  1736258400000,
  2 ** 53,
  2 ** 60,
  1e21,
  1e300,
  Number.MAX_SAFE_INTEGER,
];
const DOCS: unknown[] = [
  ...NUMBERS.map((v) => ({ v })),
  { s: '水电维修', b: true, n: null, list: [1, 'two', null, [3.25]], nested: { deep: { at: 1736258400000, rate: 0.875 } } },
  { missing: undefined, list: [undefined, 2] },
  { when: new Date(1736258400000) },
  [{ a: 1 }, 'x', false],
];

describe('ejson-lite, as bson writes and reads Extended JSON', () => {
  it.each(DOCS.map((d) => [JSON.stringify(d) ?? String(d), d]))('writes %s exactly as bson does (canonical mode)', (_label, doc) => {
    expect(EJSON.stringify(doc, { relaxed: false })).toBe(BSON_EJSON.stringify(doc as never, { relaxed: false }));
  });

  it.each(DOCS.map((d) => [JSON.stringify(d) ?? String(d), d]))('reads back %s as bson does', (_label, doc) => {
    const text = BSON_EJSON.stringify(doc as never, { relaxed: false });
    expect(EJSON.parse(text)).toEqual(BSON_EJSON.parse(text));
  });

  it('reads the special doubles and longs the server may send', () => {
    const text =
      '{"a":{"$numberDouble":"NaN"},"b":{"$numberDouble":"-Infinity"},"c":{"$numberDouble":"-0.0"},"d":{"$numberLong":"-5"},"e":{"$oid":"507f1f77bcf86cd799439011"}}';
    const mine = EJSON.parse(text) as Record<string, unknown>;
    const theirs = BSON_EJSON.parse(text) as Record<string, unknown>;
    for (const k of ['a', 'b', 'c', 'd']) expect(Object.is(mine[k], theirs[k]), k).toBe(true);
    expect(mine.e).toBe(String(theirs.e));
  });
});
