/**
 * The part of `bson` the CloudBase database client uses — EJSON.stringify in canonical mode and
 * EJSON.parse in relaxed mode — for the JSON values this project stores (numbers, strings,
 * booleans, null, arrays, plain objects, and Dates should one appear). The function bundles use it
 * in place of the whole `bson` package (about 86 KB of each bundle; scripts/function-bundle.ts).
 * tests/cloud/ejson-lite.test.ts holds it to bson's own output value by value.
 */
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const INT64_LIMIT = 2 ** 63;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A number as canonical Extended JSON: the smallest BSON integer that holds it exactly, else a double. */
function number(v: number): Json {
  if (Math.floor(v) === v) {
    if (v >= INT32_MIN && v <= INT32_MAX) return { $numberInt: String(v === 0 ? 0 : v) };
    if (v >= -INT64_LIMIT && v < INT64_LIMIT) return { $numberLong: String(v) };
  }
  if (Object.is(v, -0)) return { $numberDouble: '-0.0' };
  return { $numberDouble: String(v) };
}

function canonical(v: unknown): Json | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return number(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
  if (v instanceof Date) return { $date: { $numberLong: String(v.getTime()) } };
  if (Array.isArray(v)) return v.map((x) => canonical(x) ?? null);
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v as object)) {
    const c = canonical(x);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/** Extended JSON types back to values, as bson's relaxed parse gives them. */
function revive(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if (typeof o.$numberInt === 'string') return Number.parseInt(o.$numberInt, 10);
  if (typeof o.$numberDouble === 'string') return Number.parseFloat(o.$numberDouble);
  if (typeof o.$numberLong === 'string') return Number(o.$numberLong);
  if (typeof o.$oid === 'string') return o.$oid;
  if (o.$date != null) {
    const d = o.$date;
    // `$date: {$numberLong}` was revived into a number already (JSON.parse revives inside out).
    return new Date(typeof d === 'number' ? d : typeof d === 'string' ? Date.parse(d) : Number.NaN);
  }
  if (o.$undefined) return null;
  return v;
}

export const EJSON = {
  stringify(value: unknown, _options?: { relaxed?: boolean }): string {
    return JSON.stringify(canonical(value));
  },
  parse(text: string, _options?: { relaxed?: boolean }): unknown {
    return JSON.parse(text, revive);
  },
};
