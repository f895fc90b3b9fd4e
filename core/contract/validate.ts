import * as v from 'valibot';
import { invalid, type AppError } from '../errors';
import { ok, type Result } from '../result';

/** A problem's field path as forms and the API document write it: `input.timeWindow.from`, `photos[2]`. */
export function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path || '(root)';
}

/** Field path → problem for every problem of an input, the first one per field. */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  // A Map, then fromEntries: a path named `__proto__` stays an own key instead of a prototype.
  const problems = new Map<string, string>();
  for (const issue of issues) {
    const path = pathOf(issue);
    if (!problems.has(path)) problems.set(path, issue.message);
  }
  return Object.fromEntries(problems);
}

/** Validates a whole input, reporting every problem at once as INPUT.INVALID with field paths. */
export function parse<S extends v.GenericSchema>(schema: S, value: unknown): Result<v.InferOutput<S>, AppError> {
  const r = v.safeParse(schema, value, { abortEarly: false, abortPipeEarly: false });
  return r.success ? ok(r.output) : invalid(problemsOf(r.issues));
}
