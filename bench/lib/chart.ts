/**
 * A plain SVG bar chart of the run: one panel per question, each with its own scale and, where the
 * issue sets one, the target as a dashed line. No dependencies; the same JSON, the same picture.
 */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  /** Drawn lighter: a reference (a limit), not a figure of the app. */
  readonly reference?: boolean;
}
export interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly bars: readonly Bar[];
  readonly line?: { readonly value: number; readonly label: string };
  /** Logarithmic scale, for values spanning orders of magnitude. */
  readonly log?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function barChart(title: string, subtitle: string, panels: readonly Panel[]): string {
  const W = 920;
  const LABEL = 300;
  const BAR_W = 470;
  const ROW = 22;
  const parts: string[] = [];
  let y = 74;
  for (const p of panels) {
    const values = p.bars.map((b) => b.value ?? 0);
    const max = Math.max(...values, p.line?.value ?? 0) * 1.08 || 1;
    const scale = (v: number) => (p.log ? (Math.log10(Math.max(v, 1)) / Math.log10(Math.max(max, 10))) * BAR_W : (v / max) * BAR_W);
    parts.push(`<text x="16" y="${y}" class="panel">${esc(p.title)} <tspan class="unit">(${esc(p.unit)}${p.log ? ', log scale' : ''})</tspan></text>`);
    y += 10;
    const top = y;
    for (const b of p.bars) {
      const w = b.value === null ? 0 : Math.max(1, scale(b.value));
      parts.push(`<text x="${LABEL - 8}" y="${y + 15}" class="label" text-anchor="end">${esc(b.label)}</text>`);
      parts.push(`<rect x="${LABEL}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 7}" class="${b.reference ? 'ref' : 'bar'}"/>`);
      parts.push(`<text x="${LABEL + w + 6}" y="${y + 15}" class="value">${b.value === null ? 'not measured' : num(b.value)}</text>`);
      y += ROW;
    }
    if (p.line) {
      const x = LABEL + scale(p.line.value);
      parts.push(`<line x1="${x.toFixed(1)}" y1="${top}" x2="${x.toFixed(1)}" y2="${y}" class="target"/>`);
      parts.push(`<text x="${(x + 4).toFixed(1)}" y="${top + 2}" class="targetlabel">${esc(p.line.label)}</text>`);
    }
    y += 30;
  }
  const H = y;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif">
<style>
.title{font-size:18px;font-weight:600;fill:#222}.sub{font-size:12px;fill:#666}.panel{font-size:14px;font-weight:600;fill:#222}
.unit{font-weight:400;fill:#666}.label{font-size:12px;fill:#333}.value{font-size:11px;fill:#333}
.bar{fill:#c8161d}.ref{fill:#9aa4b1}.target{stroke:#1a56db;stroke-width:1.5;stroke-dasharray:5 3}.targetlabel{font-size:11px;fill:#1a56db}
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="24" class="title">${esc(title)}</text>
<text x="16" y="42" class="sub">${esc(subtitle)}</text>
${parts.join('\n')}
</svg>
`;
}
