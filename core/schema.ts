import { invalid as invalidInput } from './errors';
import { ok, type Result } from './result';
import type { AppError } from './errors';

/**
 * A minimal validator: each schema turns unknown JSON into a typed value or an input error naming
 * the field. Objects are strict — unknown keys (including `__proto__`) are refused, and the parsed
 * value is built fresh from known keys only, so nothing from the wire leaks into the domain.
 */
export type Schema<T> = (value: unknown, path: string) => Result<T, AppError>;
export type Infer<S> = S extends Schema<infer T> ? T : never;

const invalid = (path: string, problem: string) => invalidInput({ [path || '(root)']: problem });

/** Characters that render invisibly or reorder text; refused so that what is stored is what is shown. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A trimmed string of at most `max` characters (Unicode code points). */
export function str(opts: { min?: number; max: number; pattern?: RegExp }): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string') return invalid(path, '应为文字');
    const text = value.trim();
    const length = [...text].length;
    if (length < (opts.min ?? 0)) return invalid(path, opts.min === 1 ? '不能为空' : `至少${opts.min}个字`);
    if (length > opts.max) return invalid(path, `不能超过${opts.max}个字`);
    if (CONTROL.test(text)) return invalid(path, '含有不可见的控制字符');
    if (opts.pattern && !opts.pattern.test(text)) return invalid(path, '格式不正确');
    return ok(text);
  };
}

/** An integer within [min, max]. */
export function int(min: number, max: number): Schema<number> {
  return (value, path) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? ok(value) : invalid(path, `应为${min}到${max}之间的整数`);
}

export const bool: Schema<boolean> = (value, path) => (typeof value === 'boolean' ? ok(value) : invalid(path, '应为是或否'));

/** One of a fixed set of literals. */
export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return (value, path) => (typeof value === 'string' && (values as readonly string[]).includes(value) ? ok(value as T[number]) : invalid(path, '不是可选的值'));
}

/** An array of at most `max` items, each checked by `item`. */
export function list<T>(item: Schema<T>, max: number): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return invalid(path, '应为列表');
    if (value.length > max) return invalid(path, `最多${max}项`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = item(value[i], `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

/** Marks a field that may be absent (or null); absent becomes `fallback`. */
export interface Optional<T, F> {
  readonly optional: true;
  readonly schema: Schema<T>;
  readonly fallback: F;
}
export function optional<T>(schema: Schema<T>): Optional<T, undefined>;
export function optional<T, F>(schema: Schema<T>, fallback: F): Optional<T, F>;
export function optional<T, F>(schema: Schema<T>, fallback?: F): Optional<T, F | undefined> {
  return { optional: true, schema, fallback };
}

type Field = Schema<unknown> | Optional<unknown, unknown>;
type Shape = Record<string, Field>;
type Parsed<S extends Shape> = {
  [K in keyof S]: S[K] extends Optional<infer T, infer F> ? T | F : S[K] extends Schema<infer T> ? T : never;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A strict object: every listed key checked, every unlisted key refused. */
export function obj<S extends Shape>(shape: S): Schema<Parsed<S>> {
  const keys = Object.keys(shape);
  return (value, path) => {
    if (!isPlainObject(value)) return invalid(path, '应为对象');
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) return invalid(path ? `${path}.${key}` : key, '不认识的字段');
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key]!;
      const at = path ? `${path}.${key}` : key;
      const raw = Object.hasOwn(value, key) ? value[key] : undefined;
      if ('optional' in field) {
        if (raw === undefined || raw === null) {
          out[key] = field.fallback;
          continue;
        }
        const r = field.schema(raw, at);
        if (!r.ok) return r;
        out[key] = r.value;
      } else {
        if (raw === undefined) return invalid(at, '缺少此项');
        const r = field(raw, at);
        if (!r.ok) return r;
        out[key] = r.value;
      }
    }
    return ok(out as Parsed<S>);
  };
}

/** Validates a whole input against a schema, from the root. */
export const parse = <T>(schema: Schema<T>, value: unknown): Result<T, AppError> => schema(value, '');
