import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function cpuTicks(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** utime + stime of a /proc stat file (a process's or one of its threads'), in seconds: clock ticks of 1/100 s. */
function statCpuSeconds(file: string): number {
  const stat = fs.readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat; null off Linux. */
export function processCpuSeconds(pid: number): number | null {
  try {
    return statCpuSeconds(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
}

/**
 * A thread's time on a CPU, from its schedstat in nanoseconds: its stat counts clock ticks of 10 ms,
 * which for a phase of a thousand requests is 8 µs per request, as coarse as the differences looked
 * for. The stat's ticks where the kernel keeps no schedstat.
 */
function taskCpuSeconds(dir: string): number {
  try {
    return Number(fs.readFileSync(`${dir}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return statCpuSeconds(`${dir}/stat`);
  }
}

/**
 * CPU seconds of a process's main thread (where its JavaScript runs) and of its other threads
 * together (V8's compiler and garbage collector, libuv's pool), from /proc/<pid>/task; null off Linux.
 */
export function threadCpuSeconds(pid: number): { main: number; other: number } | null {
  try {
    let main = 0;
    let other = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const seconds = taskCpuSeconds(`/proc/${pid}/task/${tid}`);
      if (tid === String(pid)) main += seconds;
      else other += seconds;
    }
    return { main, other };
  } catch {
    return null;
  }
}

/** Resident set size of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** What else ran on the machine during a section: load average and whole-machine CPU use. */
export interface Load {
  readonly loadavg1: number;
  /** Share of the section's time some runnable task waited for a CPU (Linux PSI, cpu "some"). */
  readonly cpuPressure: number | null;
  /** Share of all cores busy during the section, everything included (this bench too). */
  readonly machineBusy: number | null;
  /** Share of all cores used by this bench process and its children during the section. */
  readonly benchBusy: number | null;
}

/** Microseconds some task has waited for a CPU since boot (/proc/pressure/cpu), null without PSI. */
function cpuStall(): number | null {
  try {
    const m = /some .*total=(\d+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function loadMeter() {
  const s0 = cpuStall();
  const t0 = cpuTicks();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const children0 = childCpu();
  return (): Load => {
    const t1 = cpuTicks();
    const c1 = process.cpuUsage(c0);
    const wall = (performance.now() - w0) / 1000;
    const cores = os.cpus().length;
    const own = (c1.user + c1.system) / 1e6 + (childCpu() - children0);
    const s1 = cpuStall();
    return {
      loadavg1: os.loadavg()[0]!,
      cpuPressure: s0 !== null && s1 !== null && wall > 0 ? Math.min(1, (s1 - s0) / 1e6 / wall) : null,
      machineBusy: t0 && t1 && t1.total > t0.total ? (t1.busy - t0.busy) / (t1.total - t0.total) : null,
      benchBusy: wall > 0 ? Math.min(1, own / wall / cores) : null,
    };
  };
}

/** CPU seconds of processes this bench started and still tracks (server children register here). */
const tracked = new Set<number>();
const finished = { seconds: 0 };
export const trackChild = (pid: number) => tracked.add(pid);
export function untrackChild(pid: number) {
  finished.seconds += processCpuSeconds(pid) ?? 0;
  tracked.delete(pid);
}
function childCpu(): number {
  let s = finished.seconds;
  for (const pid of tracked) s += processCpuSeconds(pid) ?? 0;
  return s;
}

/** The machine the figures were measured on, and what else was running when the bench started. */
export function machineInfo(dir: string) {
  const cpus = os.cpus();
  let disk = '';
  try {
    disk = execFileSync('df', ['-h', '--output=source,fstype,size', dir], { encoding: 'utf8' }).trim().split('\n').pop() ?? '';
  } catch {
    disk = 'unknown';
  }
  let busiest: string[] = [];
  try {
    busiest = execFileSync('ps', ['-eo', 'pcpu=,args=', '--sort=-pcpu'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter((l) => parseFloat(l) >= 5 && !/bench\/run\.ts|run bench| ps -eo/.test(l))
      .slice(0, 4)
      // Drop the loader flags node is started with, so the script's own name shows.
      .map((l) =>
        l
          .replace(/ --(require|import) \S+/g, '')
          .replace(/\S*node_modules\/\.bin\//g, '')
          .slice(0, 110),
      );
  } catch {
    busiest = [];
  }
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    disk,
    loadavgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    busyProcessesAtStart: busiest,
  };
}
