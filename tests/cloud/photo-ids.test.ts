import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOUD_PHOTO_FOLDER, cloudPhotoPath } from '@core';
import { cloudMain } from '@backend/cloud/cloud-main';
import type { Deps } from '@backend/runtime/deps';
import { cloudPhotos, PHOTO_URL_SECONDS } from '@backend/runtime/photos';

/*
 * On CloudBase the mini-program uploads photos itself (wx.cloud.uploadFile into its own folder of the
 * photo folder, cloudPhotoPath) and puts the returned fileID on the order. Storage cannot tell a
 * function who uploaded a file, so a fileID must have exactly the shape of the caller's own uploads:
 * cloud://<this env>.<bucket>/order-photos/<the caller's user id>/<name>.<ext>. Clients cannot read
 * the bucket: viewers get temporary addresses from the functions.
 */

const ENV = 'prod-4g1x2b';
const BUCKET = `7072-${ENV}-1318541234`;
const ours = (name = 'lq3x9k2a-4fz8w1qk.jpg', userId = 'demo-worker') => `cloud://${ENV}.${BUCKET}/${cloudPhotoPath(userId, ...split(name))}`;
const split = (name: string): [string, string] => [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)];
const accepted = async (envId: string, ids: string[], userId = 'demo-worker') => [...(await cloudPhotos(envId).uploadedBy(userId, ids))];

describe('CloudBase photo fileIDs', () => {
  it("accepts the fileIDs of the caller's own uploads in this environment", async () => {
    const ids = [ours(), ours('lq3x9k2a-4fz8w1qk.png'), ours('a_B-9.webp')];
    expect(await accepted(ENV, ids)).toEqual(ids);
  });

  it("refuses anyone else's photo: a worker cannot put a resident's photo on a completion", async () => {
    const residents = ours('kitchen.jpg', 'demo-resident');
    expect(await accepted(ENV, [residents])).toEqual([]);
    expect(await accepted(ENV, [residents], 'demo-resident')).toEqual([residents]);
    // A user id that starts like another's is not the other's.
    expect(await accepted(ENV, [ours('a.jpg', 'demo-worker-2')])).toEqual([]);
  });

  it('refuses another environment, another folder, no user folder, links, paths and malformed names', async () => {
    const bad = [
      `cloud://prod-other.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/a.jpg`,
      `cloud://${ENV}x.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/a.jpg`,
      `cloud://${ENV}.${BUCKET}/avatars/demo-worker/a.jpg`,
      `cloud://${ENV}.${BUCKET}/${CLOUD_PHOTO_FOLDER}/a.jpg`,
      `cloud://${ENV}.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/../demo-resident/a.jpg`,
      `cloud://${ENV}.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/sub/a.jpg`,
      `cloud://${ENV}.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/a`,
      `cloud://${ENV}.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/a.gif`,
      `cloud://${ENV}.${BUCKET}/${CLOUD_PHOTO_FOLDER}/demo-worker/a.jpg?x=1`,
      `cloud://${ENV}/${CLOUD_PHOTO_FOLDER}/demo-worker/a.jpg`,
      `${ours()}\n`,
      `https://${ENV}.tcb.qcloud.la/${CLOUD_PHOTO_FOLDER}/demo-worker/a.jpg`,
      'fmx0lccvs36551k3i6l65.png',
      '',
    ];
    expect(await accepted(ENV, bad)).toEqual([]);
  });

  it('takes the environment and the user id literally, not as patterns', async () => {
    const folder = `${CLOUD_PHOTO_FOLDER}/demo-worker`;
    expect(await accepted('prod.4g', [`cloud://prodx4g.b/${folder}/a.jpg`, `cloud://prod.4g.b/${folder}/a.jpg`])).toEqual([
      `cloud://prod.4g.b/${folder}/a.jpg`,
    ]);
    expect(await accepted(ENV, [`cloud://${ENV}.b/${CLOUD_PHOTO_FOLDER}/uXa/a.jpg`], 'u.a')).toEqual([]);
  });

  it('accepts any well-formed environment when the function was not told its own', async () => {
    const folder = `${CLOUD_PHOTO_FOLDER}/demo-worker`;
    expect(await accepted('', [ours(), `cloud://other-1a.b-c/${folder}/a.jpg`, `cloud://../${folder}/a.jpg`])).toEqual([
      ours(),
      `cloud://other-1a.b-c/${folder}/a.jpg`,
    ]);
  });
});

describe('temporary addresses for CloudBase photos', () => {
  it('asks storage once for all of them, for half an hour, and leaves out what it could not find', async () => {
    const asked: unknown[] = [];
    const storage = {
      async getTempFileURL(opts: { fileList: { fileID: string; maxAge: number }[] }) {
        asked.push(opts);
        return {
          fileList: opts.fileList.map((f, i) =>
            i === 1
              ? { fileID: f.fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
              : { fileID: f.fileID, tempFileURL: `https://tmp.example/${i}?sign=x`, code: 'SUCCESS' },
          ),
        };
      },
    };
    const [a, b] = [ours('a.jpg'), ours('b.jpg')];
    expect(await cloudPhotos(ENV, storage).viewUrls([a, b, a])).toEqual({ [a]: 'https://tmp.example/0?sign=x' });
    expect(asked).toEqual([{ fileList: [a, b].map((fileID) => ({ fileID, maxAge: PHOTO_URL_SECONDS })) }]);
  });

  it('asks nothing when there are no photos, and gives none without storage', async () => {
    const storage = { getTempFileURL: vi.fn() };
    expect(await cloudPhotos(ENV, storage).viewUrls([])).toEqual({});
    expect(storage.getTempFileURL).not.toHaveBeenCalled();
    expect(await cloudPhotos(ENV).viewUrls([ours()])).toEqual({});
  });
});

describe('the CloudBase entry', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('checks photos against the environment it runs in', async () => {
    process.env.TCB_ENV = ENV;
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    process.env.WX_OPENID = 'openid-demo-worker';
    let seen: Deps | undefined;
    await cloudMain(async (_event, _caller, deps) => {
      seen = deps;
      return { ok: true, data: null };
    })({});
    const other = `cloud://prod-other.b/${CLOUD_PHOTO_FOLDER}/demo-worker/a.jpg`;
    expect([...(await seen!.photos!.uploadedBy('demo-worker', [ours(), other]))]).toEqual([ours()]);
  });
});
