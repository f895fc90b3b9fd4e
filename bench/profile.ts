/**
 * CPU profiles taken during the run, to say what limits each figure: the in-process transition loop
 * (a child process; the V8 sampler that `node --cpu-prof` uses, started after warm-up) and the local
 * server while 50 pairs loop against it over HTTP. Profiles go to bench/results/profiles/ (open them
 * in Chrome DevTools); their summary goes into latest.json.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './lib/cpuprofile';
import { httpCall } from './lib/http-client';
import { trackChild, untrackChild } from './lib/machine';
import { freshDir, removeDir, RESULTS, ROOT } from './lib/paths';
import type { ServerProc } from './lib/server-proc';
import { loopRate } from './loops';

export const PROFILES = path.join(RESULTS, 'profiles');

export interface ProfileResult {
  readonly file: string;
  readonly what: string;
  readonly seconds: number;
  readonly summary: ProfileSummary;
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;

/** Profiles `ms` of the in-process transition loop on a store in `base`. */
export async function profileInProcess(base: string, ms: number): Promise<ProfileResult & { loops: number }> {
  fs.mkdirSync(PROFILES, { recursive: true });
  const dir = freshDir(base, 'profile');
  const file = path.join(PROFILES, 'in-process-transitions.cpuprofile');
  try {
    const child = fork(path.join(ROOT, 'bench', 'profile-target.ts'), [dir, file, String(ms)], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    trackChild(child.pid!);
    let report = { loops: 0, seconds: 0 };
    child.on('message', (m: typeof report) => (report = m));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    untrackChild(child.pid!);
    if (code !== 0) throw new Error(`profile target exited with ${code}`);
    return {
      file: path.relative(ROOT, file),
      what: 'in-process transition loop (disk store)',
      seconds: report.seconds,
      loops: report.loops,
      summary: summarizeProfile(read(file), ROOT),
    };
  } finally {
    removeDir(dir);
  }
}

/** Profiles the server process while `concurrency` pairs loop against it over HTTP for `ms`. */
export async function profileServer(server: ServerProc, concurrency: number, ms: number): Promise<ProfileResult & { loopsPerSecond: number }> {
  fs.mkdirSync(PROFILES, { recursive: true });
  const file = path.join(PROFILES, `server-${concurrency}-clients.cpuprofile`);
  const call = httpCall(server.url);
  try {
    const profiling = await server.profile(file);
    const rate = await loopRate(call, 'http', concurrency, ms);
    await profiling.stop();
    return {
      file: path.relative(ROOT, file),
      what: `local server under ${concurrency} concurrent looping pairs over HTTP`,
      seconds: ms / 1000,
      loopsPerSecond: rate.loopsPerSecond,
      summary: summarizeProfile(read(file), ROOT),
    };
  } finally {
    call.close();
  }
}
