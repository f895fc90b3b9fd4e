import Taro from '@tarojs/taro';

/** A photo picked on this device, before upload. */
export interface PickedPhoto {
  readonly tempPath: string;
  readonly size: number;
  /** A name with the file's extension: the temp path, or in a browser the picked file's own name. */
  readonly name: string;
  /** The type a browser reported for it, if any. */
  readonly mime?: string;
}

/** Lets the user pick up to `max` photos (album or camera); resolves to [] when they cancel. */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return [];
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    // In a browser the temp path is a blob: address without an extension; the picked File has a name.
    const fileOf = (f: (typeof res.tempFiles)[number]) => (f as { originalFileObj?: { name?: string; type?: string } }).originalFileObj;
    return res.tempFiles.slice(0, max).map((f) => ({ tempPath: f.tempFilePath, size: f.size, name: fileOf(f)?.name ?? f.tempFilePath, mime: fileOf(f)?.type }));
  } catch {
    return [];
  }
}

/** Full-screen preview of photos. */
export function previewPhotos(urls: readonly string[], current: string): void {
  Taro.previewImage({ urls: [...urls], current }).catch(() => undefined);
}

/** Calls a phone number (the dialer asks the user first). */
export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
