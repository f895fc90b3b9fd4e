import { CLOUD_PHOTO_FOLDER } from '@core';

/**
 * Where order photos are kept, as far as the handlers need to know: which of the file ids a user
 * puts on an order name a photo they uploaded, and where a viewer loads them from. The local
 * server's file store (backend/server/photo-files.ts) and CloudBase storage (`cloudPhotos`) are
 * the two implementations.
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
  /**
   * Where each photo can be loaded from, for a viewer the caller has checked may see the order that
   * holds them. A photo that cannot be found is left out (the app shows it as missing).
   */
  viewUrls(fileIds: readonly string[]): Promise<Readonly<Record<string, string>>>;
}

/** How long an uploaded photo may wait to be put on an order before the housekeeping removes it. */
export const UPLOAD_TTL = 24 * 60 * 60_000;

/** Without a photo store nothing was uploaded: orders may still be placed and completed without photos. */
export const NO_PHOTOS: PhotoStore = {
  uploadedBy: async () => new Set(),
  attach: async () => undefined,
  removeUnattached: async () => 0,
  viewUrls: async () => ({}),
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The part of the server SDK's app this needs: temporary download addresses for stored files. */
export interface TempFileUrls {
  getTempFileURL(opts: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { fileID: string; tempFileURL: string; code?: string }[] }>;
}

/** How long a temporary photo address works: long enough to look at an order, short enough not to be a way around who may see it. */
export const PHOTO_URL_SECONDS = 30 * 60;

/**
 * CloudBase storage. The mini-program uploads a photo itself (`wx.cloud.uploadFile`) to
 * `order-photos/<its user id>/<name>.<ext>` (cloudPhotoPath) and hands us the fileID,
 * `cloud://<env>.<bucket>/<path>`. Storage keeps no uploader a function can read, so the path says
 * whose it is: a file id must have exactly that shape, in this environment (any well-formed one if
 * the function was not told which), under the caller's own folder. That refuses links elsewhere
 * (http:, another environment or folder, `..`) and anyone else's photos, a resident's to a worker
 * included. Clients cannot read the bucket (PHOTO_STORAGE_RULE): viewers get temporary addresses
 * from the functions, which hand them only with an order the viewer may see.
 */
export function cloudPhotos(envId: string, storage?: TempFileUrls): PhotoStore {
  const env = envId ? escapeRegExp(envId) : '[A-Za-z0-9][A-Za-z0-9-]{0,63}';
  const shapeFor = (userId: string) =>
    new RegExp(`^cloud://${env}\\.[A-Za-z0-9][A-Za-z0-9-]{0,127}/${CLOUD_PHOTO_FOLDER}/${escapeRegExp(userId)}/[A-Za-z0-9_-]{1,64}\\.(jpg|png|webp)$`);
  // Who reads a file is the storage rule's business, and a lifecycle rule on the bucket's photo
  // folder is the place to expire what was never used.
  return {
    uploadedBy: async (userId, fileIds) => {
      const shape = shapeFor(userId);
      return new Set(fileIds.filter((id) => shape.test(id)));
    },
    attach: async () => undefined,
    removeUnattached: async () => 0,
    async viewUrls(fileIds) {
      if (!storage || fileIds.length === 0) return {};
      const res = await storage.getTempFileURL({ fileList: [...new Set(fileIds)].map((fileID) => ({ fileID, maxAge: PHOTO_URL_SECONDS })) });
      const found = (res.fileList ?? []).filter((f) => f.tempFileURL && (f.code === undefined || f.code === 'SUCCESS'));
      return Object.fromEntries(found.map((f) => [f.fileID, f.tempFileURL]));
    },
  };
}
