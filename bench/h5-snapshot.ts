/**
 * A copy of the H5 build to serve while measuring: other people may rebuild dist-h5/ meanwhile
 * (a Taro build empties it first). Copies until index.html and every script and stylesheet it
 * references are there, waiting for a running build to finish (bounded); null if it never is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freshDir } from './lib/paths';

const complete = (dir: string) => {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const refs = [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return refs.length > 0 && refs.every((r) => fs.existsSync(path.join(dir, r)));
};

export async function snapshotH5(h5Dir: string, work: string, tries = 12): Promise<{ dir: string; builtAt: string } | null> {
  for (let k = 0; k < tries; k++) {
    if (complete(h5Dir)) {
      const dir = freshDir(work, 'h5-snapshot');
      fs.cpSync(h5Dir, dir, { recursive: true });
      if (complete(dir)) return { dir, builtAt: fs.statSync(path.join(dir, 'index.html')).mtime.toISOString() };
    }
    await new Promise((r) => setTimeout(r, 5000));
  }
  return null;
}
