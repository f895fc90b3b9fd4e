/** Query, sort and aggregation semantics of the in-memory CloudBase model (see fake-cloudbase.ts). */
export type Doc = Record<string, unknown>;
export const fail = (code: string, message: string) => Object.assign(new Error(`[${code}] ${message}`), { code });

/** Canonical EJSON as the SDK writes it (relaxed: false) to plain values. */
export function decode(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const t of ['$numberInt', '$numberLong', '$numberDouble']) if (t in o) return Number(o[t]);
    }
    return v;
  });
}

/** A field by dotted path; through a list of documents it is the list of their values (Mongo's multikey paths). */
export const path = (doc: unknown, p: string): unknown =>
  p.split('.').reduce<unknown>((v, k) => {
    if (Array.isArray(v) && !/^\d+$/.test(k)) return v.flatMap((x) => (x && typeof x === 'object' && k in x ? [(x as Doc)[k]] : []));
    return v && typeof v === 'object' ? (v as Doc)[k] : undefined;
  }, doc);

/** BSON order for what the adapter stores: missing/null < numbers < strings < others. */
const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
function compare(a: unknown, b: unknown): number {
  const d = rank(a) - rank(b);
  if (d || rank(a) === 0 || rank(a) === 3) return d;
  return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
}
const sameBracket = (a: unknown, b: unknown) => rank(a) === rank(b) && rank(a) !== 0;
const equal = (a: unknown, b: unknown): boolean =>
  (a ?? null) === (b ?? null) || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
/** Mongo equality: an array field matches when any element does. */
const eqField = (v: unknown, want: unknown) => equal(v, want) || (Array.isArray(v) && v.some((x) => equal(x, want)));

function opMatches(v: unknown, op: string, arg: unknown): boolean {
  // Mongo: a comparison on a list field matches when any element does.
  if (Array.isArray(v) && ['$lt', '$lte', '$gt', '$gte'].includes(op)) return v.some((x) => opMatches(x, op, arg));
  switch (op) {
    case '$eq':
      return eqField(v, arg);
    case '$ne':
      return !eqField(v, arg);
    case '$in':
      return (arg as unknown[]).some((a) => eqField(v, a));
    case '$nin':
      return !(arg as unknown[]).some((a) => eqField(v, a));
    case '$lt':
      return sameBracket(v, arg) && compare(v, arg) < 0;
    case '$lte':
      return sameBracket(v, arg) && compare(v, arg) <= 0;
    case '$gt':
      return sameBracket(v, arg) && compare(v, arg) > 0;
    case '$gte':
      return sameBracket(v, arg) && compare(v, arg) >= 0;
    case '$exists':
      return (v !== undefined) === Boolean(arg);
    default:
      throw fail('INVALID_PARAM', `fake does not know query operator ${op}`);
  }
}

export function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([k, want]) => {
    if (k === '$and') return (want as Doc[]).every((q) => matches(doc, q));
    if (k === '$or') return (want as Doc[]).some((q) => matches(doc, q));
    if (k === '$nor') return !(want as Doc[]).some((q) => matches(doc, q));
    const v = path(doc, k);
    const ops = want && typeof want === 'object' && !Array.isArray(want) ? Object.keys(want) : [];
    if (ops.length && ops.every((o) => o.startsWith('$'))) return ops.every((o) => opMatches(v, o, (want as Doc)[o]));
    return eqField(v, want);
  });
}

export function sortDocs(docs: Doc[], order: Record<string, number>): Doc[] {
  const keys = Object.entries(order);
  return docs.sort((a, b) => {
    for (const [k, dir] of keys) {
      const c = compare(path(a, k), path(b, k));
      if (c) return c * dir;
    }
    return 0;
  });
}

/** Aggregation expressions: literals, `$field.path`, and the operators the adapter's sums use. */
function evalExpr(doc: Doc, e: unknown): unknown {
  if (typeof e === 'string' && e.startsWith('$')) return path(doc, e.slice(1));
  if (!e || typeof e !== 'object' || Array.isArray(e)) return e;
  const [op, arg] = Object.entries(e as Doc)[0] ?? [];
  const args = () => (arg as unknown[]).map((a) => evalExpr(doc, a));
  const cmp = () => compare(...(args() as [unknown, unknown]));
  switch (op) {
    case '$cond': {
      const c = Array.isArray(arg) ? { if: arg[0], then: arg[1], else: arg[2] } : (arg as Doc);
      return evalExpr(doc, evalExpr(doc, c.if) ? c.then : c.else);
    }
    case '$add':
      return args().reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0);
    case '$or':
      return args().some(Boolean);
    case '$and':
      return args().every(Boolean);
    case '$eq':
      return cmp() === 0;
    case '$ne':
      return cmp() !== 0;
    case '$lt':
      return cmp() < 0;
    case '$lte':
      return cmp() <= 0;
    case '$gt':
      return cmp() > 0;
    case '$gte':
      return cmp() >= 0;
    default:
      throw fail('INVALID_PARAM', `fake does not evaluate ${String(op)}`);
  }
}

export function group(docs: Doc[], spec: Doc): Doc[] {
  const groups = new Map<string, Doc>();
  for (const d of docs) {
    const id = evalExpr(d, spec._id) ?? null;
    const key = JSON.stringify(id);
    const g = groups.get(key) ?? { _id: id };
    for (const [field, acc] of Object.entries(spec)) {
      if (field === '_id') continue;
      const sum = (acc as Doc).$sum;
      if (sum === undefined) throw fail('INVALID_PARAM', `fake supports only $sum in $group, got ${JSON.stringify(acc)}`);
      const v = evalExpr(d, sum);
      g[field] = Number(g[field] ?? 0) + (typeof v === 'number' ? v : 0); // $sum skips non-numbers
    }
    groups.set(key, g);
  }
  return [...groups.values()];
}
