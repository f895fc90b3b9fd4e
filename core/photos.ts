import { fail, type AppError } from './errors';
import { ok, type Result } from './result';

/** The folder of the CloudBase bucket the mini-program uploads order photos into. */
export const CLOUD_PHOTO_FOLDER = 'order-photos';

/** The largest photo the app uploads (the local server refuses larger ones too). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The photo types the app uploads, by file extension (the local server also checks the bytes). */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const;

/**
 * Where a user's photo goes in the CloudBase bucket: a folder named for the uploader's user id, so
 * the functions can tell whose photo a file id names (storage keeps no uploader a function can read).
 */
export function cloudPhotoPath(userId: string, name: string, ext: string): string {
  return `${CLOUD_PHOTO_FOLDER}/${userId}/${name}.${ext}`;
}

const EXT_OF_TYPE: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Whether a picked photo may be uploaded, checked in the app before it spends the upload: its type
 * (by the name's extension, else the type the browser reported) and its size. Answers the extension
 * to upload it under.
 */
export function checkPickedPhoto(photo: { readonly path: string; readonly size: number; readonly mime?: string }): Result<{ ext: string }, AppError> {
  const named = photo.path.match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase();
  const ext = named ?? EXT_OF_TYPE[photo.mime ?? ''] ?? '';
  if (!(PHOTO_EXTENSIONS as readonly string[]).includes(ext)) return fail('FILE.NOT_AN_IMAGE');
  if (photo.size > MAX_PHOTO_BYTES) return fail('FILE.TOO_LARGE', { maxMb: MAX_PHOTO_BYTES / (1024 * 1024) });
  return ok({ ext: ext === 'jpeg' ? 'jpg' : ext });
}

/**
 * Photos put on an order (点单 or 完工上报) must name files the caller uploaded: a made-up or
 * someone else's file id is refused, naming the first such photo by its place in the list.
 */
export function checkPhotos(photos: readonly string[], uploaded: (fileId: string) => boolean): Result<void, AppError> {
  const i = photos.findIndex((fileId) => !uploaded(fileId));
  return i < 0 ? ok(undefined) : fail('FILE.NOT_FOUND', undefined, { photos: `第${i + 1}张照片找不到，请删掉后重新添加` });
}
