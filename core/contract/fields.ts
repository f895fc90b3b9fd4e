import * as v from 'valibot';

/**
 * The field kinds every request is built from, on valibot. Each keeps the rules the wire has always
 * had: objects are strict (unknown keys, an own `__proto__` among them, are refused, and the parsed
 * value is built fresh from known keys only), text is trimmed and measured in code points, control
 * and bidi characters are refused, null is treated as absent, and every problem reads in Chinese.
 */
export type Schema<T = unknown> = v.GenericSchema<unknown, T>;
/** What a schema produces: the type the handlers receive. */
export type Infer<S extends v.GenericSchema> = v.InferOutput<S>;
/** What a schema accepts: the type the app sends (defaulted fields may be left out). */
export type InferInput<S extends v.GenericSchema> = v.InferInput<S>;

/**
 * Characters that render invisibly or reorder text; refused so that what is stored is what is shown:
 * C0 controls but tab and line breaks, DEL, the bidi marks, embeddings and isolates, zero-width
 * space, word joiner and the invisible operators, line and paragraph separators, and a byte-order
 * mark. The zero-width joiner and non-joiner stay: emoji sequences and some scripts are made of them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** Code points of a string, counted without building an array of them (every text field of every request is measured). */
export function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A trimmed string of `min` to `max` characters (Unicode code points), optionally of a pattern. */
export function str(opts: { min?: number; max: number; pattern?: RegExp }) {
  const { max, pattern } = opts;
  const min = opts.min ?? 0;
  // A string has at least half as many code points as UTF-16 units and at most as many, so most
  // texts are judged by their length alone.
  const atLeast = (text: string) => text.length >= 2 * min || codePoints(text) >= min;
  const atMost = (text: string) => text.length <= max || codePoints(text) <= max;
  return v.pipe(
    v.string('应为文字'),
    v.trim(),
    v.check(atLeast, min === 1 ? '不能为空' : `至少${min}个字`),
    v.check(atMost, `不能超过${max}个字`),
    v.check((text) => !CONTROL.test(text), '含有不可见的控制字符'),
    v.regex(pattern ?? /(?:)/, '格式不正确'),
    // The limits again as data, for the generated tables of docs/api.md.
    v.metadata({ min, max }),
  );
}

/** An integer within [min, max]. */
export function int(min: number, max: number) {
  const problem = `应为${min}到${max}之间的整数`;
  return v.pipe(v.number(problem), v.integer(problem), v.minValue(min, problem), v.maxValue(max, problem));
}

export const bool = v.boolean('应为是或否');

/** One of a fixed set of literals. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => v.picklist(values, '不是可选的值');

/** An array of at most `max` items, each checked by `item`. */
export const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item, '应为列表'), v.maxLength(max, `最多${max}项`));

/**
 * A field that may be absent or null. Absent, it becomes `fallback`, which the field's own schema
 * then checks like any value (so `{}` as an action's input still gets that input's defaults);
 * without a fallback it becomes `undefined`.
 */
export function optional<S extends v.GenericSchema>(schema: S): v.NullishSchema<S, () => undefined>;
export function optional<S extends v.GenericSchema, const F extends v.Default<S, null | undefined>>(schema: S, fallback: F): v.NullishSchema<S, F>;
export function optional<S extends v.GenericSchema>(schema: S, fallback?: unknown) {
  // A fresh copy each time, so no parsed value shares the fallback's array.
  const fresh = Array.isArray(fallback) ? () => [...fallback] : fallback === undefined ? () => undefined : fallback;
  return v.nullish(schema, fresh as never);
}

const objectProblem = (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never' ? '不认识的字段' : issue.expected?.startsWith('"') ? '缺少此项' : '应为对象';

/**
 * A strict object: every listed key checked, every unlisted key refused. valibot takes any
 * non-null object here, arrays included, so an array is turned away first as the old validator did;
 * and it names only the first unknown key, so the others are named too (every problem at once).
 */
export function obj<const E extends v.ObjectEntries>(entries: E) {
  const schema = v.strictObject(entries, objectProblem);
  const run = schema['~run'];
  return {
    ...schema,
    '~run'(dataset, config) {
      const input = dataset.value;
      const out = run.call(this, Array.isArray(input) ? { value: null } : dataset, config);
      const first = out.issues?.find((issue) => issue.expected === 'never' && issue.path?.length === 1);
      if (first && input && typeof input === 'object') {
        const unknown = Object.keys(input).filter((key) => !Object.hasOwn(entries, key) && key !== first.input);
        for (const key of unknown) {
          out.issues!.push({ ...first, input: key, path: [{ ...first.path![0]!, key, value: (input as Record<string, unknown>)[key] }] } as typeof first);
        }
      }
      return out;
    },
  } as typeof schema;
}
