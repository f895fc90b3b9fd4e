import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Content codings this server sends, best first. */
export type Coding = 'br' | 'gzip';

/** One file of the build, read once, with its compressed forms made once (they never change until the file does). */
export interface Asset {
  readonly raw: Buffer;
  readonly etag: string;
  /** Absent for types that do not shrink (images, fonts) or files too small to be worth it. */
  readonly encoded: Partial<Record<Coding, Buffer>>;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this a compressed body plus its header costs about as much as the file. */
const MIN_COMPRESS = 512;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly asset: Promise<Asset>;
}
const cache = new Map<string, Entry>();

/**
 * The asset for a file, from memory while the file is unchanged. Compression runs off the event loop
 * (zlib's thread pool) and at the highest levels, since each file is compressed once per build.
 */
export function assetOf(file: string, stat: fs.Stats, type: string): Promise<Asset> {
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.asset;
  const asset = load(file, stat, type);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, asset });
  // A failed read is not remembered: the next request tries again.
  asset.catch(() => cache.delete(file));
  return asset;
}

async function load(file: string, stat: fs.Stats, type: string): Promise<Asset> {
  const raw = await fs.promises.readFile(file);
  // Weak: the raw and the compressed bodies are the same content, not the same bytes.
  const etag = `W/"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`;
  if (!COMPRESSIBLE.test(type) || raw.length < MIN_COMPRESS) return { raw, etag, encoded: {} };
  const [br, gz] = await Promise.all([
    brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  return { raw, etag, encoded: { br, gzip: gz } };
}

/** The coding to send for an `Accept-Encoding` header among those the asset has: brotli before gzip, none if refused (q=0). */
export function pickCoding(acceptEncoding: string | undefined, asset: Asset): Coding | null {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name) (q && Number(q.slice(2)) === 0 ? refused : accepted).add(name);
  }
  for (const coding of ['br', 'gzip'] as const) {
    if (asset.encoded[coding] && !refused.has(coding) && (accepted.has(coding) || accepted.has('*'))) return coding;
  }
  return null;
}
