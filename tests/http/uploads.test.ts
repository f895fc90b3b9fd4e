import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, type OrderView } from '@core';
import type { Deps } from '@backend/runtime/deps';
import { defaultLimits } from '@backend/runtime/rate-limit';
import { uploadedPhotos } from '@backend/server/photo-files';
import { MAX_UPLOAD, UPLOAD_QUOTA } from '@backend/server/uploads';
import { keepHouse } from '@backend/usecases/housekeeping';
import { dataOf, desk, dispatcher, failure, resident, resident2, supervisor, worker } from '../support/scenario';
import { JPEG, PNG, WEBP } from '../support/photos';
import { START, useTestServer, type TestServer } from '../support/test-server';

/*
 * Photo uploads on the local server (backend/server/uploads.ts, photo-files.ts): only JPEG, PNG and
 * WebP, told by the file's own first bytes; written whole through a temporary file; at most
 * UPLOAD_QUOTA photos held and not yet on an order, and 60 uploads an hour, per person; shown only to
 * the uploader and to whoever may see an order they are on; removed when on no order after a day.
 */

const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const PAGE = Buffer.from('<html><script>alert(document.domain)</script></html>');
/** The 1×1 PNG with one bit of its header's checksum flipped. */
const BAD_CRC = Buffer.from(PNG);
BAD_CRC[32]! ^= 1;

const post = (t: TestServer, body: Buffer | string, type = 'image/jpeg', user: string = resident.user) =>
  t.request('/api/files', {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Dev-User': user },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
const upload = async (t: TestServer, user: string = resident.user, body: Buffer = JPEG) =>
  dataOf<{ fileId: string }>(await post(t, body, 'image/jpeg', user)).fileId;
const read = (t: TestServer, fileId: string, headers: Record<string, string> = {}) => t.request(`/api/files/${fileId}`, { headers });
const filesDir = (t: TestServer) => path.join(t.dataDir, 'files');
const filesIn = (t: TestServer) => (fs.existsSync(filesDir(t)) ? fs.readdirSync(filesDir(t)).sort() : []);

describe('what may be uploaded', () => {
  const t = useTestServer();

  it.each([
    ['JPEG', JPEG, 'jpg'],
    ['PNG', PNG, 'png'],
    ['WebP', WEBP, 'webp'],
  ])('takes a %s photo and names it for what its bytes are, whatever type the request claims', async (_name, bytes, ext) => {
    const fileId = dataOf<{ fileId: string }>(await post(t, bytes, 'application/octet-stream')).fileId;
    expect(fileId.endsWith(`.${ext}`)).toBe(true);
    const served = await fetch(`${t.url}/api/files/${fileId}`, { headers: { 'X-Dev-User': resident.user } });
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
    // Written through a temporary file and renamed: the photo and its record, nothing else.
    expect(filesIn(t)).toEqual([fileId, `${fileId}.json`]);
  });

  it.each([
    ['a GIF', GIF, 'image/gif'],
    ['an HTML page sent as a PNG', '<html><script>alert(1)</script></html>', 'image/png'],
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'],
    ['a PNG signature cut short', PNG.subarray(0, 6), 'image/png'],
    ['an HTML page behind a PNG signature', Buffer.concat([PNG.subarray(0, 8), PAGE]), 'image/png'],
    ['an HTML page behind a JPEG header', Buffer.concat([JPEG.subarray(0, 4), PAGE]), 'image/jpeg'],
    [
      'an HTML page behind RIFF and WEBP',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([PAGE.length + 4, 0, 0, 0]), Buffer.from('WEBP'), PAGE]),
      'image/webp',
    ],
    ['a PNG whose header checksum is wrong', BAD_CRC, 'image/png'],
    ['a JPEG header with no frame before its scan', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00]), 'image/jpeg'],
    ['text with a JPEG name', 'just some text', 'image/jpeg'],
  ])('refuses %s with 415 FILE.NOT_AN_IMAGE and stores nothing', async (_name, body, type) => {
    const r = await post(t, body, type);
    expect(failure(r)).toEqual({ status: 415, code: 'FILE.NOT_AN_IMAGE' });
    expect(r.body.error.message).toBe('只能上传 JPG、PNG 或 WebP 格式的照片');
    expect(filesIn(t)).toEqual([]);
  });
});

describe('how much one person may upload', () => {
  const t = useTestServer({ limits: defaultLimits });
  const d = desk(t);

  it(`holds at most ${UPLOAD_QUOTA.files} photos not yet on an order: the next is refused with 409 FILE.QUOTA_EXCEEDED until some are used`, async () => {
    const held: string[] = [];
    for (let i = 0; i < UPLOAD_QUOTA.files; i++) held.push(await upload(t));
    const refused = await post(t, JPEG);
    expect(failure(refused)).toEqual({ status: 409, code: 'FILE.QUOTA_EXCEEDED' });
    expect(filesIn(t)).toHaveLength(2 * UPLOAD_QUOTA.files);
    // Someone else is not affected; putting nine on an order makes room for nine more.
    await upload(t, resident2.user);
    await d.place(resident, { photos: held.slice(0, 9) });
    for (let i = 0; i < 9; i++) await upload(t);
    expect(failure(await post(t, JPEG))).toEqual({ status: 409, code: 'FILE.QUOTA_EXCEEDED' });
  });

  it(`holds at most ${UPLOAD_QUOTA.bytes / 1024 / 1024} MiB not yet on an order: ten 5 MiB photos fill it`, async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_UPLOAD - JPEG.length)]);
    for (let i = 0; i < UPLOAD_QUOTA.bytes / MAX_UPLOAD; i++) await upload(t, resident.user, big);
    expect(failure(await post(t, big))).toEqual({ status: 409, code: 'FILE.QUOTA_EXCEEDED' });
    expect(failure(await post(t, JPEG))).toEqual({ status: 409, code: 'FILE.QUOTA_EXCEEDED' });
  });

  it('takes 60 uploads an hour from one person and refuses the 61st with 429, however many are used', async () => {
    let sent = 0;
    for (let round = 0; round < 2; round++) {
      const batch: string[] = [];
      for (let i = 0; i < 30; i++, sent++) batch.push(await upload(t));
      for (let i = 0; i < batch.length; i += 9) await d.place(resident, { photos: batch.slice(i, i + 9) });
      t.clock.advance(MINUTE);
    }
    expect(sent).toBe(60);
    expect(failure(await post(t, JPEG))).toEqual({ status: 429, code: 'REQUEST.RATE_LIMITED' });
    t.clock.advance(HOUR);
    await upload(t);
  });
});

describe('who may see a photo', () => {
  const t = useTestServer();
  const d = desk(t);

  it('shows a photo on no order to its uploader only', async () => {
    const fileId = await upload(t);
    expect((await read(t, fileId, { 'X-Dev-User': resident.user })).status).toBe(200);
    const others: Record<string, string>[] = [{ 'X-Dev-User': resident2.user }, { 'X-Dev-User': dispatcher.user }, {}, { 'X-Dev-User': 'demo-nobody' }];
    for (const headers of others) {
      expect(failure(await read(t, fileId, headers))).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
    }
  });

  it('shows a photo on an order to whoever may see the order, and to nobody else', async () => {
    const fileId = await upload(t);
    const order = await d.place(resident, { photos: [fileId] });
    expect((await read(t, fileId, { 'X-Dev-User': dispatcher.user })).status).toBe(200);
    expect(failure(await read(t, fileId, { 'X-Dev-User': resident2.user }))).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
    // The worker sees it once the order is theirs.
    expect(failure(await read(t, fileId, { 'X-Dev-User': worker.user })).status).toBe(404);
    await d.step(dispatcher, order, 'dispatch', { teamId: 't-general', workerId: worker.user });
    expect((await read(t, fileId, { 'X-Dev-User': worker.user })).status).toBe(200);
  });

  it('stops showing a completion photo to the worker who took it once the order is no longer theirs', async () => {
    let order = await d.place(resident);
    order = await d.step(dispatcher, order, 'dispatch', { teamId: 't-general', workerId: worker.user });
    order = await d.step(worker, await d.step(worker, order, 'accept'), 'start');
    const fileId = await upload(t, worker.user);
    order = await d.step(worker, order, 'complete', { notes: '已修好', photos: [fileId] });
    expect((await read(t, fileId, { 'X-Dev-User': worker.user })).status).toBe(200);
    order = await d.step(resident, order, 'confirm', { attitude: 5, timeliness: 5, quality: 5 });
    await d.step(supervisor, order, 'reopen', { reason: '回访发现没修好' });
    expect(failure(await read(t, fileId, { 'X-Dev-User': worker.user }))).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
    expect((await read(t, fileId, { 'X-Dev-User': resident.user })).status).toBe(200);
    expect((await read(t, fileId, { 'X-Dev-User': supervisor.user })).status).toBe(200);
  });

  it("reads the H5 app's cookie, since an <img> sends no X-Dev-User", async () => {
    const fileId = await upload(t);
    expect((await read(t, fileId, { Cookie: `theme=dark; rp_dev_user=${resident.user}` })).status).toBe(200);
    expect((await read(t, fileId, { Cookie: `rp_dev_user=${resident2.user}` })).status).toBe(404);
  });
});

describe('photos never used', () => {
  const t = useTestServer();
  const d = desk(t);
  const house = () => {
    const deps: Deps = { store: t.store, now: t.clock.now, newId: (p) => p, photos: uploadedPhotos(filesDir(t)) };
    return keepHouse(deps);
  };

  it('removes a photo on no order a day after its upload, and keeps the ones on an order', async () => {
    const unused = await upload(t);
    const used = await upload(t);
    await d.place(resident, { photos: [used] });
    t.clock.advance(23 * HOUR);
    expect((await house()).photos).toBe(0);
    expect((await read(t, unused, { 'X-Dev-User': resident.user })).status).toBe(200);

    t.clock.advance(2 * HOUR);
    expect((await house()).photos).toBe(1);
    expect((await read(t, unused, { 'X-Dev-User': resident.user })).status).toBe(404);
    expect(filesIn(t)).toEqual([used, `${used}.json`]);
    expect((await read(t, used, { 'X-Dev-User': resident.user })).status).toBe(200);
    // An order cannot take it any more.
    expect(failure(await d.create(resident, { photos: [unused] }))).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
  });

  it('goes by the real time: a dev clock moved days ahead removes no fresh photo and no reply a retry still needs', async () => {
    const photo = await upload(t);
    // One input for both sends: a default booking would follow the moved clock and differ.
    const fields = { timeWindow: { from: START + 48 * HOUR, to: START + 50 * HOUR } };
    const first = dataOf<{ order: OrderView }>(await d.create(resident, fields, 'rid-before-the-move')).order;
    t.clock.advance(4 * 24 * HOUR);
    const real = START + 5 * 60_000;
    const report = await keepHouse({ store: t.store, now: t.clock.now, realNow: () => real, newId: (p) => p, photos: uploadedPhotos(filesDir(t)) });
    expect(report).toMatchObject({ photos: 0, replies: 0 });
    expect((await read(t, photo, { 'X-Dev-User': resident.user })).status).toBe(200);
    expect(dataOf<{ order: OrderView }>(await d.create(resident, fields, 'rid-before-the-move')).order.id).toBe(first.id);
  });

  it('keeps the photos of a 点单 that was sent twice: the retry answers the first order and claims them for no other', async () => {
    const photo = await upload(t);
    const first = dataOf<{ order: OrderView }>(await d.create(resident, { photos: [photo] }, 'rid-photo-retry')).order;
    const again = dataOf<{ order: OrderView }>(await d.create(resident, { photos: [photo] }, 'rid-photo-retry')).order;
    expect(again.id).toBe(first.id);
    // Looked up before anything is claimed: the retry leaves no claim for an order that was never written.
    expect(JSON.parse(fs.readFileSync(path.join(filesDir(t), `${photo}.json`), 'utf8')).orders).toEqual([first.id]);
    t.clock.advance(25 * HOUR);
    expect((await house()).photos).toBe(0);
    expect((await read(t, photo, { 'X-Dev-User': resident.user })).status).toBe(200);
  });
});
