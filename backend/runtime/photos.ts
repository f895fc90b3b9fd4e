import { CLOUD_PHOTO_FOLDER } from '@core';

/**
 * Where order photos are kept, as far as the handlers need to know: which of the file ids a user
 * puts on an order name a photo they uploaded. The local server's file store answers exactly
 * (backend/server/uploads.ts); on CloudBase, `cloudPhotos` can only check a fileID's shape.
 */
export interface PhotoStore {
  /** Of `fileIds`, the ones that name a photo `userId` uploaded. */
  uploadedBy(userId: string, fileIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Records that the photos are being put on `orderId` (just before the write): shown to whoever may see it, and kept while it holds them. */
  attach(fileIds: readonly string[], orderId: string): Promise<void>;
  /**
   * Removes the photos uploaded before `before` that are on no order (`holds` asks the store whether
   * an order a photo was claimed for was written); answers how many.
   */
  removeUnattached(before: number, holds: (orderId: string) => Promise<boolean>): Promise<number>;
}

/** How long an uploaded photo may wait to be put on an order before the housekeeping removes it. */
export const UPLOAD_TTL = 24 * 60 * 60_000;

/** Without a photo store nothing was uploaded: orders may still be placed and completed without photos. */
export const NO_PHOTOS: PhotoStore = { uploadedBy: async () => new Set(), attach: async () => undefined, removeUnattached: async () => 0 };

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
  // CloudBase storage keeps its own files: who reads one is its permission rules' business, and a
  // lifecycle rule on the bucket's photo folder is the place to expire what was never used.
  return {
    uploadedBy: async (_userId, fileIds) => new Set(fileIds.filter((id) => shape.test(id))),
    attach: async () => undefined,
    removeUnattached: async () => 0,
  };
}
