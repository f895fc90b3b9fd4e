import { fail, type AppError } from './errors';
import { ok, type Result } from './result';

/** The folder of the CloudBase bucket the mini-program uploads order photos into. */
export const CLOUD_PHOTO_FOLDER = 'order-photos';

/**
 * Photos put on an order (点单 or 完工上报) must name files the caller uploaded: a made-up or
 * someone else's file id is refused, naming the first such photo by its place in the list.
 */
export function checkPhotos(photos: readonly string[], uploaded: (fileId: string) => boolean): Result<void, AppError> {
  const i = photos.findIndex((fileId) => !uploaded(fileId));
  return i < 0 ? ok(undefined) : fail('FILE.NOT_FOUND', undefined, { photos: `第${i + 1}张照片找不到，请删掉后重新添加` });
}
