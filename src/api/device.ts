import Taro from '@tarojs/taro';

/** A photo picked on this device, before upload. */
export interface PickedPhoto {
  readonly tempPath: string;
  readonly size: number;
}

/** Lets the user pick up to `max` photos (album or camera); resolves to [] when they cancel. */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return [];
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles.slice(0, max).map((f) => ({ tempPath: f.tempFilePath, size: f.size }));
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
