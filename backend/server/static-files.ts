import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assetOf, pickCoding, type Asset } from './compressed-assets';
import { documentPolicy } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const contentTypeOf = (file: string) => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const PLACEHOLDER = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>红色物业 · 社区服务</title>
<style>body{font:20px/1.6 sans-serif;padding:2em}</style>
<body><h1>红色物业 · 社区服务</h1>
<p>本地服务已启动，但还没有构建 H5 应用。请运行 <code>npm start</code>（会自动构建），或 <code>npm run build:h5</code>。</p>
<p>接口：<code>POST /api/functions/&lt;name&gt;</code>，健康检查：<a href="/api/health">/api/health</a></p></body></html>`;

/** Hashed file names (`1216.74c29b9f.js`) never change content: cached for a year. Everything else is revalidated each time. */
const HASHED = /\.[0-9a-f]{8,}\./;
const LONG_CACHE = 'public, max-age=31536000, immutable';

/** A page's policy depends on its inline blocks: worked out once per version of the page. */
const policies = new WeakMap<Asset, string>();
const policyOf = (asset: Asset) => {
  const known = policies.get(asset);
  if (known) return known;
  const policy = documentPolicy(asset.raw.toString('utf8'));
  policies.set(asset, policy);
  return policy;
};

/**
 * Serves the H5 build; unknown paths fall back to index.html (client-side routes), or a placeholder
 * before the first build. Text is sent brotli- or gzip-compressed as the client accepts, each file
 * compressed once; unchanged files answer 304 to their ETag.
 */
export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('请求地址格式不正确');
    return;
  }
  const file = path.normalize(path.join(root, decoded));
  const inside = file.startsWith(path.resolve(root) + path.sep);
  const found = inside ? await statFile(file) : null;
  const target = found ? file : path.join(root, 'index.html');
  const stat = found ?? (await statFile(target));
  if (!stat) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': documentPolicy(PLACEHOLDER) });
    res.end(PLACEHOLDER);
    return;
  }
  const type = contentTypeOf(target);
  const asset = await assetOf(target, stat, type);
  const coding = pickCoding(req.headers['accept-encoding'], asset);
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Cache-Control': HASHED.test(path.basename(target)) ? LONG_CACHE : 'no-cache',
    ETag: asset.etag,
  };
  if (Object.keys(asset.encoded).length) headers.Vary = 'Accept-Encoding';
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = policyOf(asset);
  const known = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
  if (known.includes(asset.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = coding ? asset.encoded[coding]! : asset.raw;
  if (coding) headers['Content-Encoding'] = coding;
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function statFile(file: string): Promise<fs.Stats | null> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

/**
 * Compresses the whole build ahead of the first visitor (brotli at its best level takes ~0.4 s for
 * a large script), one file at a time so that requests meanwhile still get a thread. Failures are
 * left to the request that meets them.
 */
export async function warmStatic(root: string): Promise<void> {
  for (const file of await filesUnder(root)) {
    const stat = await statFile(file);
    if (stat) await assetOf(file, stat, contentTypeOf(file)).catch(() => undefined);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}
