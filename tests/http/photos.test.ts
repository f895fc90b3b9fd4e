import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '@core';
import { dataOf, desk, dispatcher, failure, resident, worker, worker3 } from '../support/scenario';
import { startTestServer, type TestServer } from '../support/test-server';
import { PNG } from '../support/photos';

/*
 * Photos on an order are ids of files uploaded to the local server (POST /api/files), each put on an
 * order only by the person who uploaded it: 完工上报 and 点单 refuse any other id with
 * 404 FILE.NOT_FOUND, naming the photo, and write nothing.
 */

let t: TestServer;
let d: ReturnType<typeof desk>;
beforeEach(async () => {
  t = await startTestServer();
  d = desk(t);
});
afterEach(() => t.close());

/** The 8-byte PNG signature and a little more: enough to be an image upload. */
const upload = async (user: string): Promise<string> =>
  dataOf<{ fileId: string }>(await t.request('/api/files', { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Dev-User': user }, body: PNG })).fileId;

/** An order 刘师傅 is serving now. */
async function inService(): Promise<OrderView> {
  const placed = await d.place(resident);
  const dispatched = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: worker.user });
  return d.step(worker, await d.step(worker, dispatched, 'accept'), 'start');
}

describe('photos on 完工上报', () => {
  it('takes photos the worker uploaded, and serves them from the order', async () => {
    const order = await inService();
    const photos = [await upload(worker.user), await upload(worker.user)];
    const completed = await d.step(worker, order, 'complete', { notes: '更换了水龙头阀芯', photos });
    expect(completed).toMatchObject({ state: 'pending_confirm', completion: { photos } });
    const seen = (await d.read(resident, order.id)).order;
    expect(seen.completion?.photos).toEqual(photos);
    expect((await t.request(`/api/files/${photos[1]}`, { headers: { 'X-Dev-User': resident.user } })).status).toBe(200);
  });

  it('says where each photo of the order loads from, to whoever may see the order', async () => {
    const order = await inService();
    const photos = [await upload(worker.user)];
    await d.step(worker, order, 'complete', { notes: '更换了水龙头阀芯', photos });
    const read = (await d.read(resident, order.id)) as { photoUrls?: Record<string, string> };
    expect(read.photoUrls).toEqual({ [photos[0]!]: `/api/files/${photos[0]}` });
  });

  it('refuses a photo id that was never uploaded with 404 FILE.NOT_FOUND naming it, and writes nothing', async () => {
    const order = await inService();
    const mine = await upload(worker.user);
    const before = t.dump();
    const refused = await d.act(worker, order, 'complete', { notes: '已修好', photos: [mine, 'f0000000000000.jpg'] });
    expect(failure(refused)).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
    expect(refused.body.error).toMatchObject({ message: '图片不存在', details: { photos: '第2张照片找不到，请删掉后重新添加' } });
    expect(t.dump()).toBe(before);
    const after = (await d.read(worker, order.id)).order;
    expect(after).toMatchObject({ state: 'in_service', version: order.version, completion: null });
    expect((await d.events(order.id)).map((e) => e.action)).toEqual(['create', 'dispatch', 'accept', 'start']);
    // The same report with the photo that is there goes through.
    expect(await d.step(worker, after, 'complete', { notes: '已修好', photos: [mine] })).toMatchObject({ state: 'pending_confirm' });
  });

  it('refuses a photo someone else uploaded', async () => {
    const order = await inService();
    const residents = await upload(resident.user);
    const colleagues = await upload(worker3.user);
    for (const photo of [residents, colleagues]) {
      expect(failure(await d.act(worker, order, 'complete', { notes: '已修好', photos: [photo] }))).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
    }
    expect((await d.read(worker, order.id)).order.version).toBe(order.version);
  });

  it('refuses ids that name no upload at all: paths, links, cloud ids, the record beside a photo', async () => {
    const order = await inService();
    const mine = await upload(worker.user);
    const before = t.dump();
    for (const photo of [
      '../red-property.sqlite',
      'red-property.sqlite',
      `${mine}.json`,
      `../files/${mine}`,
      'https://example.com/a.jpg',
      'cloud://env.bucket/order-photos/a.jpg',
      'f0000000000000.JPG',
    ]) {
      const reply = await d.act(worker, order, 'complete', { notes: '已修好', photos: [photo] });
      expect(failure(reply), photo).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
    }
    expect(t.dump()).toBe(before);
  });

  it('refuses a photo whose file is gone', async () => {
    const order = await inService();
    const photo = await upload(worker.user);
    fs.rmSync(path.join(t.dataDir, 'files', photo));
    expect(failure(await d.act(worker, order, 'complete', { notes: '已修好', photos: [photo] }))).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
  });

  it('tells a worker who may not complete the order so, whatever the photos', async () => {
    const order = await inService();
    expect(failure(await d.act(worker3, order, 'complete', { notes: '已修好', photos: ['f0000000000000.jpg'] })).code).not.toBe('FILE.NOT_FOUND');
  });
});

describe('photos on 点单', () => {
  it("takes the resident's own uploads and refuses any other id, writing nothing", async () => {
    const mine = await upload(resident.user);
    expect((await d.place(resident, { photos: [mine] })).photos).toEqual([mine]);

    const theirs = await upload(worker.user);
    const before = t.dump();
    for (const photos of [['f0000000000000.png'], [mine, theirs]]) {
      const refused = await d.create(resident, { photos });
      expect(failure(refused)).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
      expect(refused.body.error.details).toEqual({ photos: `第${photos.length}张照片找不到，请删掉后重新添加` });
    }
    expect(t.dump()).toBe(before);
  });
});
