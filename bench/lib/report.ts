/**
 * The bench's output: each figure beside the limit it is read against (measured in the same run) and,
 * where the issue sets one, the target; printed as a table and kept in latest.json.
 */
import { round } from './stats';

export interface Figure {
  readonly group: string;
  readonly name: string;
  /** null: not measured (not built, skipped); `note` says why. */
  readonly value: number | null;
  readonly unit: string;
  /** What the figure is compared with, measured in this run (or a platform limit). */
  readonly limit?: { readonly name: string; readonly value: number | null; readonly unit: string };
  /** The issue's target. `ofLimit`: the target is a percentage of the limit. */
  readonly target?: { readonly op: '<' | '>='; readonly value: number; readonly unit: string; readonly ofLimit?: boolean };
  readonly met?: boolean | null;
  readonly note?: string;
}

/** Fills in `met` from the target. */
export function judge(f: Figure): Figure {
  if (!f.target || f.value === null) return { ...f, met: f.target ? null : undefined };
  const v = f.target.ofLimit ? (f.limit?.value ? (100 * f.value) / f.limit.value : NaN) : f.value;
  return { ...f, met: f.target.op === '<' ? v < f.target.value : v >= f.target.value };
}

const fmt = (x: number | null, unit: string) => {
  if (x === null) return '—';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return `${round(x, digits).toLocaleString('en-US')} ${unit}`.trim();
};

/** The table as plain text, one line per figure, grouped. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const limit = f.limit ? `${f.limit.name}: ${fmt(f.limit.value, f.limit.unit)}` : '';
    const share = f.limit?.value && f.value !== null && f.limit.unit === f.unit ? ` (${round((100 * f.value) / f.limit.value, 0)} %)` : '';
    const target = f.target ? `${f.target.op} ${f.target.value} ${f.target.unit}${f.target.ofLimit ? ' of limit' : ''}` : '';
    const ok = f.met === true ? 'met' : f.met === false ? 'MISSED' : '';
    return [f.group, f.name, fmt(f.value, f.unit) + share, limit, target, ok, f.note ?? ''];
  });
  const head = ['group', 'figure', 'value', 'compared with', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.min(i === 6 ? 60 : 70, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  ')];
  let group = '';
  for (const r of rows) {
    if (r[0] !== group && group) out.push('');
    group = r[0]!;
    out.push(line(r));
  }
  return out.join('\n');
}

/** The table as Markdown, for docs/performance.md. */
export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| group | figure | value | compared with | target | |', '| --- | --- | ---: | --- | --- | --- |'];
  for (const f of figures) {
    const limit = f.limit ? `${f.limit.name}: ${fmt(f.limit.value, f.limit.unit)}` : '';
    const share = f.limit?.value && f.value !== null && f.limit.unit === f.unit ? ` (${round((100 * f.value) / f.limit.value, 0)} %)` : '';
    const target = f.target ? `${f.target.op} ${f.target.value} ${f.target.unit}${f.target.ofLimit ? ' of limit' : ''}` : '';
    const ok = f.met === true ? '✅ met' : f.met === false ? '❌ missed' : '';
    lines.push(
      `| ${esc(f.group)} | ${esc(f.name)}${f.note ? ` <br><sub>${esc(f.note)}</sub>` : ''} | ${fmt(f.value, f.unit)}${share} | ${esc(limit)} | ${esc(target)} | ${ok} |`,
    );
  }
  return lines.join('\n');
}
