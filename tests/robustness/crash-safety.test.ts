import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { DB_FILE, auditStore } from './support/world';

/*
 * Crash safety: a child process writes orders through the real handlers and prints each
 * acknowledged write after its commit returned; it is killed with SIGKILL at random moments, many
 * times. After each kill the store opens, holds every acknowledged write with its whole timeline,
 * and no order is half written.
 */

const KILLS = Number(process.env.CRASH_KILLS ?? 15);
const ROOT = path.resolve(__dirname, '..', '..');
const WRITER = path.join(__dirname, 'support', 'crash-writer.ts');

interface Ack {
  readonly orderId: string;
  readonly version: number;
  readonly action: string;
  readonly requestId: string;
}

/** Runs the writer until a random moment after it is ready, then SIGKILLs it; returns the complete lines it printed. */
function runAndKill(dir: string, afterMs: number): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let ready = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.includes('ready\n')) {
        ready = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    // A writer that never gets ready is killed too, and the test fails on `ready`.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      // Only whole lines count: a line cut by the kill was never fully acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acks = lines
        .filter((l) => l.startsWith('ack '))
        .map((l) => {
          const [, orderId, version, action, requestId] = l.split(' ');
          return { orderId: orderId!, version: Number(version), action: action!, requestId: requestId! };
        });
      resolve({ acks, signal, stderr, ready });
    });
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('crash safety of the embedded store', () => {
  it(`keeps every acknowledged write with its whole timeline across ${KILLS} SIGKILLs at random moments, and never half an order`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-crash-'));
    dirs.push(dir);
    const acked: Ack[] = [];
    const perRound: number[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const afterMs = 20 + Math.floor(Math.random() * 400);
      const run = await runAndKill(dir, afterMs);
      expect(run.ready, run.stderr).toBe(true);
      expect(run.signal, `the writer stopped by itself: ${run.stderr}`).toBe('SIGKILL');
      acked.push(...run.acks);
      perRound.push(run.acks.length);

      // The store opens (recovering its journal) and everything acknowledged is there.
      const store = openSqliteStore(dir);
      const lost: string[] = [];
      for (const a of acked) {
        const order = await store.getOrder(a.orderId);
        if (!order || order.version < a.version) {
          lost.push(`${a.action} ${a.orderId} v${a.version}: stored ${order ? `v${order.version}` : 'nothing'}`);
          continue;
        }
        const events = await store.listEvents(a.orderId);
        const e = events[a.version - 1];
        if (!e || e.seq !== a.version || e.action !== a.action) lost.push(`${a.action} ${a.orderId} v${a.version}: event ${JSON.stringify(e)}`);
        if (!(await store.getReply(`${a.action === 'create' ? 'demo-resident' : (e?.actorId ?? '')}:${a.requestId}`)))
          lost.push(`${a.requestId}: reply not stored`);
      }
      await store.close();
      expect(lost, `after kill ${kill + 1} (${afterMs} ms in)`).toEqual([]);

      const audit = auditStore(dir);
      expect(audit.problems, `after kill ${kill + 1}`).toEqual([]);
      const db = new Database(path.join(dir, DB_FILE), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }

    // The kills landed while the writer was busy: most rounds acknowledged writes.
    expect(perRound.filter((n) => n > 0).length).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
    expect(acked.length).toBeGreaterThan(KILLS * 10);
  });
});
