import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, DOC, END, payloadSection } from '../../scripts/api-payloads';

/** A table row with its cells trimmed and its rule as `---`: Biome aligns the columns of the document, the generator does not. */
const unaligned = (text: string) =>
  text
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line,
    )
    .join('\n');

describe('docs/api.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');

  it('has payload tables that say what core/contract declares (run `npm run docs:api` after changing it)', () => {
    const from = doc.indexOf(BEGIN);
    const to = doc.indexOf(END);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(unaligned(doc.slice(from, to + END.length))).toBe(unaligned(payloadSection()));
  });

  it('has one payload table for every action of every function', () => {
    for (const name of ['orders.create', 'orders.grab', 'orders.revisit', 'admin.updateSettings', 'statistics.public']) {
      expect(doc).toContain(`### ${name} payload`);
    }
  });
});
