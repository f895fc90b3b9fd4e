import Taro from '@tarojs/taro';
import { cloudPhotoPath, type Envelope } from '@core';
import { photoUrlOf } from './photo-urls';
import { NetworkFailure, type Transport } from './transport-types';

declare const CLOUD_ENV: string;

let ready = false;
/** Cloud init runs once, on the first call; the caller's identity comes from WeChat itself. */
function cloud(): typeof Taro.cloud {
  if (!ready) {
    Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    ready = true;
  }
  return Taro.cloud;
}

const randomName = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export const transport: Transport = {
  async call(name, event) {
    try {
      const res = await cloud().callFunction({ name, data: event });
      return res.result as Envelope<unknown>;
    } catch (e) {
      throw new NetworkFailure(e);
    }
  },
  async upload(tempPath, ownerId, ext) {
    try {
      // Into the uploader's own folder: the functions refuse a photo from anyone else's.
      const res = await cloud().uploadFile({ cloudPath: cloudPhotoPath(ownerId, randomName(), ext), filePath: tempPath });
      return res.fileID;
    } catch (e) {
      throw new NetworkFailure(e);
    }
  },
  // Clients cannot read the bucket: a photo shows through the temporary address the functions gave.
  fileUrl: (fileId) => photoUrlOf(fileId) ?? '',
};

/** Demo users exist only on the local server. */
export async function listDevUsers(): Promise<Envelope<{ users: { id: string; name: string; roles: string[] }[] }>> {
  return { ok: true, data: { users: [] } };
}

/** The mini-program has no local outbox: WeChat delivers the messages. */
export async function listDevOutbox(): Promise<
  Envelope<{ items: { userId: string; templateId: string; page: string; data: Record<string, { value: string }>; at: number }[] }>
> {
  return { ok: true, data: { items: [] } };
}
