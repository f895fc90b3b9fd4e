import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appError } from '@core';
import type { PhotoStore } from '../runtime/photos';
import { readBody, sendJson } from './http-io';
import { contentTypeOf } from './static-files';

/** Photos are at most this big; phones send compressed images. */
export const MAX_UPLOAD = 5 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/gif': '.gif' };
const FILE_ID = /^f[a-z0-9]{10,40}\.(jpg|png|webp|gif)$/;

/** Who uploaded a photo, kept beside it as `<fileId>.json` (never served: not a photo's file id). */
interface Upload {
  readonly by: string;
}
const recordOf = (dir: string, fileId: string) => path.join(dir, `${fileId}.json`);

/**
 * Local stand-in for CloudBase file storage: the H5 app uploads a photo and gets a file id to put on
 * the order. Only images, only by a known user, served back with a fixed type.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, dir: string, newId: () => string, userId: string): Promise<void> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const ext = EXTENSIONS[type];
  if (!ext) return sendJson(res, 400, { ok: false, error: appError('INPUT.INVALID', undefined, { file: '只能上传图片' }) });
  const body = await readBody(req, MAX_UPLOAD);
  if (body.length === 0) return sendJson(res, 400, { ok: false, error: appError('INPUT.INVALID', undefined, { file: '图片是空的' }) });
  fs.mkdirSync(dir, { recursive: true });
  const fileId = `${newId()}${ext}`;
  fs.writeFileSync(path.join(dir, fileId), body);
  // Written last: a photo without its record is one nobody may put on an order.
  fs.writeFileSync(recordOf(dir, fileId), JSON.stringify({ by: userId } satisfies Upload));
  sendJson(res, 200, { ok: true, data: { fileId } });
}

/** The photos uploaded to `dir`, each put on orders only by whoever uploaded it. */
export function uploadedPhotos(dir: string): PhotoStore {
  async function uploader(fileId: string): Promise<string | null> {
    if (!FILE_ID.test(fileId)) return null;
    try {
      await fs.promises.access(path.join(dir, fileId));
      const record = JSON.parse(await fs.promises.readFile(recordOf(dir, fileId), 'utf8')) as Partial<Upload>;
      return typeof record.by === 'string' ? record.by : null;
    } catch {
      return null;
    }
  }
  return {
    async uploadedBy(userId, fileIds) {
      const by = await Promise.all(fileIds.map(uploader));
      return new Set(fileIds.filter((_, i) => by[i] === userId));
    },
  };
}

export function serveUpload(res: ServerResponse, dir: string, fileId: string): void {
  const file = path.join(dir, fileId);
  if (!FILE_ID.test(fileId) || !fs.existsSync(file)) return sendJson(res, 404, { ok: false, error: appError('FILE.NOT_FOUND') });
  res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
}
