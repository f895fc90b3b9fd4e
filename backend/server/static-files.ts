import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

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
<body style="font:20px/1.6 sans-serif;padding:2em"><h1>红色物业 · 社区服务</h1>
<p>本地服务已启动，但还没有构建 H5 应用。请运行 <code>npm start</code>（会自动构建），或 <code>npm run build:h5</code>。</p>
<p>接口：<code>POST /api/functions/&lt;name&gt;</code>，健康检查：<a href="/api/health">/api/health</a></p></body></html>`;

/** Serves the H5 build; unknown paths fall back to index.html (client-side routes), or a placeholder before the first build. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
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
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
  if (!fs.existsSync(target)) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(PLACEHOLDER);
    return;
  }
  const hashed = /\.[0-9a-f]{8,}\./.test(path.basename(target));
  res.writeHead(200, {
    'Content-Type': contentTypeOf(target),
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(target).pipe(res);
}
