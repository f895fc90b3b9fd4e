import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { rssMb, trackChild, untrackChild } from './machine';
import { ROOT } from './paths';

export interface ServerProc {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Resident memory of the server process now, in MB. */
  rss(): number | null;
  /** Starts the V8 profiler in the server; `stop` writes the .cpuprofile to `file`. */
  profile(file: string): Promise<{ stop(): Promise<string> }>;
  stop(): Promise<void>;
}

const once = <T>(child: ChildProcess, type: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

/** Starts bench/server-child.ts on a loopback port (tsx, as `npm run server` runs). */
export async function startServer(dataDir: string, h5Dir: string, seed: boolean): Promise<ServerProc> {
  const child = fork(path.join(ROOT, 'bench', 'server-child.ts'), [dataDir, h5Dir, seed ? 'seed' : ''], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await once<{ port: number }>(child, 'ready');
  trackChild(child.pid!);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    rss: () => rssMb(child.pid!),
    async profile(file) {
      const started = once(child, 'profiling');
      child.send({ type: 'profile-start' });
      await started;
      return {
        async stop() {
          const done = once<{ file: string }>(child, 'profiled');
          child.send({ type: 'profile-stop', file });
          return (await done).file;
        },
      };
    },
    async stop() {
      untrackChild(child.pid!);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
