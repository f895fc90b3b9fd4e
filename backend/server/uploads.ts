import path from 'node:path';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appError, canSee, type AppError, type User } from '@core';
import { actorFor, resolveUser } from '../runtime/caller';
import type { Deps } from '../runtime/deps';
import { admit } from '../runtime/rate-limit';
import { readBody, sendJson } from './http-io';
import { FILE_ID, allRecords, photoTypeOf, readRecord, savePhoto, type UploadRecord } from './photo-files';
import { contentTypeOf } from './static-files';

/** Photos are at most this big; phones send compressed images. */
export const MAX_UPLOAD = 5 * 1024 * 1024;
/**
 * What one person may hold uploaded and not yet on an order: an order takes at most 9 photos and a
 * 完工上报 9 more, so 30 leaves room for retries. Unattached photos are removed after UPLOAD_TTL.
 */
export const UPLOAD_QUOTA = { files: 30, bytes: 50 * 1024 * 1024 } as const;

const refuse = (res: ServerResponse, error: AppError, status: number) => sendJson(res, status, { ok: false, error });

/** The uploader's photos not yet on any order, as counted against UPLOAD_QUOTA. */
function heldBy(dir: string, userId: string): { files: number; bytes: number } {
  const held = allRecords(dir).filter(({ record }) => record.by === userId && record.orders?.length === 0);
  return { files: held.length, bytes: held.reduce((n, { record }) => n + record.bytes, 0) };
}

/**
 * Local stand-in for CloudBase file storage: the H5 app uploads a photo and gets a file id to put on
 * the order. Only a known user, within the limits on writes and uploads and the quota of photos not
 * yet used; only JPEG, PNG and WebP, told by the file's own bytes; written whole or not at all.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, dir: string, deps: Deps, userId: string): Promise<void> {
  const now = deps.now();
  if (!admit(deps.limits, null, userId, now) || (deps.limits && !deps.limits.uploads.hasRoom(userId, now))) {
    req.resume();
    return refuse(res, appError('REQUEST.RATE_LIMITED', { what: '上传照片' }), 429);
  }
  const body = await readBody(req, MAX_UPLOAD);
  if (body.length === 0) return refuse(res, appError('INPUT.INVALID', undefined, { file: '图片是空的' }), 400);
  const ext = photoTypeOf(body);
  if (!ext) return refuse(res, appError('FILE.NOT_AN_IMAGE', undefined, { file: '只能上传 JPG、PNG 或 WebP 格式的照片' }), 415);
  const held = heldBy(dir, userId);
  if (held.files + 1 > UPLOAD_QUOTA.files || held.bytes + body.length > UPLOAD_QUOTA.bytes) return refuse(res, appError('FILE.QUOTA_EXCEEDED'), 409);
  if (deps.limits && !deps.limits.uploads.take(userId, now)) return refuse(res, appError('REQUEST.RATE_LIMITED', { what: '上传照片' }), 429);
  const fileId = `${deps.newId('f')}.${ext}`;
  savePhoto(dir, fileId, body, { by: userId, at: now, bytes: body.length, orders: [] } satisfies UploadRecord);
  sendJson(res, 200, { ok: true, data: { fileId } });
}

/**
 * Whether `viewer` may see the photo: its uploader while it is on no order; once it is, whoever may
 * see an order it is on (in any role they hold), as the order's own privacy rules decide.
 */
async function maySee(deps: Deps, viewer: User, record: UploadRecord): Promise<boolean> {
  if (record.orders === null) return true;
  if (record.orders.length === 0) return record.by === viewer.id;
  for (const orderId of record.orders) {
    const order = await deps.store.getOrder(orderId);
    if (!order) continue;
    for (const role of viewer.roles) {
      const actor = await actorFor(deps.store, viewer, role);
      if (actor.ok && canSee(order, actor.value)) return true;
    }
  }
  return false;
}

/** The demo user the H5 app names in its `rp_dev_user` cookie (src/api/transport.h5.ts): an <img> cannot send X-Dev-User. */
export const DEV_USER_COOKIE = 'rp_dev_user';
function devUserCookie(req: IncomingMessage): string {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== DEV_USER_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return '';
    }
  }
  return '';
}

/**
 * Serves a photo to those who may see it, named by `X-Dev-User` (`devUserId`) or the app's cookie;
 * to anyone else (or nobody) it does not exist, so its id tells a stranger nothing.
 */
export async function serveUpload(req: IncomingMessage, res: ServerResponse, dir: string, fileId: string, deps: Deps, devUserId: string): Promise<void> {
  const record = FILE_ID.test(fileId) ? readRecord(dir, fileId) : null;
  const viewerId = devUserId || devUserCookie(req);
  const viewer = record && viewerId ? await resolveUser(deps.store, { devUserId: viewerId }) : null;
  if (!record || !viewer?.ok || !(await maySee(deps, viewer.value, record))) return refuse(res, appError('FILE.NOT_FOUND'), 404);
  const file = path.join(dir, fileId);
  res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
}
