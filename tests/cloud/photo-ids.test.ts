import { afterEach, describe, expect, it } from 'vitest';
import { CLOUD_PHOTO_FOLDER } from '@core';
import { cloudMain } from '@backend/cloud/cloud-main';
import type { Deps } from '@backend/runtime/deps';
import { cloudPhotos } from '@backend/runtime/photos';

/*
 * On CloudBase the mini-program uploads photos itself (wx.cloud.uploadFile into the photo folder) and
 * puts the returned fileID on the order. Whether that file exists cannot be asked without a round
 * trip to the storage API, so a fileID must have exactly the shape of the app's own uploads:
 * cloud://<this env>.<bucket>/order-photos/<name>.<ext>.
 */

const ENV = 'prod-4g1x2b';
const ours = (name = 'lq3x9k2a-4fz8w1qk.jpg') => `cloud://${ENV}.7072-${ENV}-1318541234/${CLOUD_PHOTO_FOLDER}/${name}`;
const accepted = async (envId: string, ids: string[]) => [...(await cloudPhotos(envId).uploadedBy('openid-demo-worker', ids))];

describe('CloudBase photo fileIDs', () => {
  it("accepts the fileIDs the app's uploads get in this environment", async () => {
    const ids = [ours(), ours('lq3x9k2a-4fz8w1qk.png'), ours('a_B-9.jpeg')];
    expect(await accepted(ENV, ids)).toEqual(ids);
  });

  it('refuses another environment, another folder, links, paths and malformed names', async () => {
    const bad = [
      `cloud://prod-other.7072-prod-other-1318541234/${CLOUD_PHOTO_FOLDER}/a.jpg`,
      `cloud://${ENV}x.7072-${ENV}-1318541234/${CLOUD_PHOTO_FOLDER}/a.jpg`,
      `cloud://${ENV}.7072-${ENV}-1318541234/avatars/a.jpg`,
      `cloud://${ENV}.7072-${ENV}-1318541234/${CLOUD_PHOTO_FOLDER}/../secret.jpg`,
      `cloud://${ENV}.7072-${ENV}-1318541234/${CLOUD_PHOTO_FOLDER}/sub/a.jpg`,
      `cloud://${ENV}.7072-${ENV}-1318541234/${CLOUD_PHOTO_FOLDER}/a`,
      `cloud://${ENV}.7072-${ENV}-1318541234/${CLOUD_PHOTO_FOLDER}/a.jpg?x=1`,
      `cloud://${ENV}/${CLOUD_PHOTO_FOLDER}/a.jpg`,
      `${ours()}\n`,
      `https://${ENV}.tcb.qcloud.la/${CLOUD_PHOTO_FOLDER}/a.jpg`,
      'fmx0lccvs36551k3i6l65.png',
      '',
    ];
    expect(await accepted(ENV, bad)).toEqual([]);
  });

  it('takes the environment literally, not as a pattern', async () => {
    expect(await accepted('prod.4g', [`cloud://prodx4g.b/${CLOUD_PHOTO_FOLDER}/a.jpg`, `cloud://prod.4g.b/${CLOUD_PHOTO_FOLDER}/a.jpg`])).toEqual([
      `cloud://prod.4g.b/${CLOUD_PHOTO_FOLDER}/a.jpg`,
    ]);
  });

  it('accepts any well-formed environment when the function was not told its own', async () => {
    expect(await accepted('', [ours(), `cloud://other-1a.b-c/${CLOUD_PHOTO_FOLDER}/a.jpg`, `cloud://../${CLOUD_PHOTO_FOLDER}/a.jpg`])).toEqual([
      ours(),
      `cloud://other-1a.b-c/${CLOUD_PHOTO_FOLDER}/a.jpg`,
    ]);
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
    const other = `cloud://prod-other.b/${CLOUD_PHOTO_FOLDER}/a.jpg`;
    expect([...(await seen!.photos!.uploadedBy('openid-demo-worker', [ours(), other]))]).toEqual([ours()]);
  });
});
