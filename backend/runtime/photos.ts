import { CLOUD_PHOTO_FOLDER } from '@core';

/**
 * Where order photos are kept, as far as the handlers need to know: which of the file ids a user
 * puts on an order name a photo they uploaded. The local server's file store answers exactly
 * (backend/server/uploads.ts); on CloudBase, `cloudPhotos` can only check a fileID's shape.
 */
export interface PhotoStore {
  /** Of `fileIds`, the ones that name a photo `userId` uploaded. */
  uploadedBy(userId: string, fileIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Without a photo store nothing was uploaded: orders may still be placed and completed without photos. */
export const NO_PHOTOS: PhotoStore = { uploadedBy: async () => new Set() };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * CloudBase storage. `wx.cloud.uploadFile` answers with a fileID, `cloud://<env>.<bucket>/<path>`, that
 * the mini-program hands us; whether it exists (or who uploaded it) is not known without a round
 * trip to the storage API on every 完工上报, which also cannot tell who uploaded a file. So the id
 * must have exactly the shape the app's uploads have: this environment (any well-formed one if the
 * function was not told which), a bucket name, the photo folder, one plain file name with an
 * extension. That keeps out links to elsewhere (http:, another environment, another folder, `..`);
 * a well-formed id of a file that is not there only shows as a missing picture to those who may see
 * the order, since <Image> reads cloud files with the viewer's own permissions.
 */
export function cloudPhotos(envId: string): PhotoStore {
  const env = envId ? escapeRegExp(envId) : '[A-Za-z0-9][A-Za-z0-9-]{0,63}';
  const shape = new RegExp(`^cloud://${env}\\.[A-Za-z0-9][A-Za-z0-9-]{0,127}/${CLOUD_PHOTO_FOLDER}/[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9]{1,5}$`);
  return { uploadedBy: async (_userId, fileIds) => new Set(fileIds.filter((id) => shape.test(id))) };
}
