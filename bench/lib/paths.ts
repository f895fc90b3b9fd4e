import fs from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');
/** Scratch data on the same disk as the server's own .data/ (gitignored). */
export const WORK = path.join(ROOT, '.bench');
/** A RAM-backed directory: writes without fsync cost, to separate CPU from disk. */
export const RAM = fs.existsSync('/dev/shm') ? '/dev/shm' : null;
/** Where latest.json and chart.svg go. */
export const RESULTS = path.join(ROOT, 'bench', 'results');

/** A fresh empty directory under `base` (removed first if it exists). */
export function freshDir(base: string, name: string): string {
  const dir = path.join(base, `rp-bench-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const removeDir = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
