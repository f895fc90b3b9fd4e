import { describe, expect, it } from 'vitest';
import type { Assessment, AssessmentRow, ExportFile, Rates, SupervisorBoard } from '@core';
import { readWorkbook } from './read-workbook';
import { useSupervisionWorld } from './harness';
import { serveOrder, type Serving } from './served-order';

const w = useSupervisionWorld(Date.UTC(2026, 9, 5, 1, 0)); // 2026-10-05, China time morning

const served = (stars: number, serving?: Serving) => serveOrder(w, stars, serving);

/**
 * A month with a ranked team, company and worker (5 orders or more), a unit too small to rank, and a
 * worker whose only order is still open (no rating, no handling time: figures that do not exist yet).
 */
async function monthOfWork() {
  for (let i = 0; i < 5; i++) {
    await served(5);
    w.advance(2 * 60 * 60_000);
  }
  await served(2, { worker: 'demo-worker-2', team: 't-elder' });
  const open = await w.place('s-repair');
  await w.act('demo-dispatcher', 'dispatcher', open, 'dispatch', { teamId: 't-general', workerId: 'demo-worker-3' });
  await w.act('demo-worker-3', 'worker', open, 'accept');
}

const exportOf = async (format: 'csv' | 'xlsx') => {
  const file = await w.call<ExportFile>('statistics', 'demo-supervisor', { action: 'export', role: 'supervisor', month: '2026-10', format });
  return { ...file, bytes: Buffer.from(file.base64, 'base64') };
};

const HEADERS = ['名称', '工单数', '响应率', '解决率', '满意率', '平均办理时长(小时)', '超时工单', '综合得分', '排名'];
const RATE_COLUMNS = [2, 3, 4];

/** The row a report line must read as: every figure as measured, a dash where none exists yet. */
const expectedRow = (name: string, r: Rates, score: number, rank: number | null) => [
  name,
  r.orders,
  r.responseRate ?? '—',
  r.resolutionRate ?? '—',
  r.satisfactionRate ?? '—',
  r.avgHandlingHours ?? '—',
  r.overdue,
  score,
  rank ?? '样本不足',
];
const fromReport = (r: AssessmentRow) => expectedRow(r.name, r.rates, r.score, r.rank);

/** Chinese characters take two character widths. */
const displayWidth = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);

describe('the 考核 XLSX, read back with an independent reader', () => {
  it('holds one sheet for teams, one for companies and one for workers', async () => {
    await monthOfWork();
    const book = readWorkbook((await exportOf('xlsx')).bytes);
    expect(book.sheetNames).toEqual(['服务队', '物业公司', '服务队员']);
  });

  it("writes every figure of the month's statistics, in rank order, as numbers", async () => {
    await monthOfWork();
    const report: Assessment = await w.call('statistics', 'demo-supervisor', { action: 'assessment', role: 'supervisor', month: '2026-10' });
    const board: SupervisorBoard = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: '2026-10' });
    const book = readWorkbook((await exportOf('xlsx')).bytes);
    const values = (sheet: string) => book.cells(sheet).map((row) => row.map((c) => c.v));

    expect(values('服务队')).toEqual([HEADERS, ...board.teams.map(fromReport)]);
    expect(values('物业公司')).toEqual([HEADERS, ...board.companies.map(fromReport)]);
    const workerRows = values('服务队员').slice(1);
    expect(workerRows).toEqual(report.rows.filter((r) => r.kind === 'worker').map(fromReport));
    // The same figures as the supervisor's board shows for each worker.
    expect(new Map(workerRows.map((row) => [row[0], row.slice(1, 7)]))).toEqual(
      new Map(board.workers.map((g) => [g.name, expectedRow(g.name, g.rates, 0, null).slice(1, 7)])),
    );
    // The scenario itself: one ranked worker with every order on time and satisfied, one too small to rank, one with nothing finished.
    expect(workerRows).toEqual([
      ['刘师傅', 5, 1, 1, 1, expect.any(Number), 0, 100, 1],
      ['赵阿姨', 1, 1, 1, 0, expect.any(Number), 0, expect.any(Number), '样本不足'],
      ['孙志远', 1, 1, '—', '—', '—', 0, 100, '样本不足'],
    ]);
    for (const sheet of book.sheetNames)
      for (const row of book.cells(sheet).slice(1))
        for (const [i, cell] of row.entries()) expect(cell.t, `${sheet} ${HEADERS[i]} ${String(cell.v)}`).toBe(typeof cell.v === 'number' ? 'n' : 's');
  });

  it('shows rates as percentages and the other figures in their own number formats', async () => {
    await monthOfWork();
    const book = readWorkbook((await exportOf('xlsx')).bytes);
    for (const sheet of book.sheetNames) {
      const rows = book.cells(sheet).slice(1);
      expect(rows.length, sheet).toBeGreaterThan(0);
      for (const row of rows) {
        for (const i of RATE_COLUMNS) if (row[i]!.t === 'n') expect(row[i]!.z, `${sheet} ${HEADERS[i]}`).toBe('0.0%');
        expect(row[1]!.z).toBe('0');
        expect(row[7]!.z).toBe('0.0');
      }
    }
    const liu = book.cells('服务队员')[1]!;
    expect(liu.map((c) => c.w)).toEqual(['刘师傅', '5', '100.0%', '100.0%', '100.0%', expect.stringMatching(/^\d+\.\d$/), '0', '100.0', '1']);
  });

  it('has a bold header row frozen in place and columns as wide as what they show', async () => {
    await monthOfWork();
    const book = readWorkbook((await exportOf('xlsx')).bytes);
    for (const sheet of book.sheetNames) {
      expect(book.frozenRows(sheet), sheet).toBe(1);
      for (const [i, header] of HEADERS.entries()) expect(book.isBold(sheet, `${String.fromCharCode(65 + i)}1`), `${sheet} ${header}`).toBe(true);
      expect(book.isBold(sheet, 'A2'), `${sheet} first row`).toBe(false);
      const widths = book.widths(sheet);
      expect(widths).toHaveLength(HEADERS.length);
      for (const row of book.cells(sheet))
        for (const [i, cell] of row.entries())
          expect(widths[i], `${sheet} column ${HEADERS[i]} holds ${cell.w}`).toBeGreaterThanOrEqual(displayWidth(cell.w ?? ''));
    }
  });

  it('lists each worker in the CSV too, after the teams and companies', async () => {
    await monthOfWork();
    const lines = (await exportOf('csv')).bytes.toString('utf8').split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['\uFEFF类型', '服务队', '服务队', '物业公司', '服务队员', '服务队员', '服务队员', '']);
    expect(lines).toContain('服务队员,孙志远,1,100.0%,—,—,—,0,100,样本不足');
  });
});
