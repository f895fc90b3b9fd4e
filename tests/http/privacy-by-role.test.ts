import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OrderEvent, OrderView } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, failure, resident, supervisor, type As } from '../support/scenario';
import { CONTACT, PRIVACY_TABLE, VIEWERS, WORKER, WORKER_SEEN_BY_HOUSEHOLD, type Path, type Row, type Sight, type Viewer } from './privacy-table';

/*
 * docs/privacy.md walked through the real server: for every row of the independent table
 * (privacy-table.ts), the order is brought to that state by the handlers, and every viewer reads it
 * (get and list); each field must be exactly what the table says, and a field the viewer may not have
 * must appear nowhere in the reply, timeline included.
 */

const t = useTestServer();
const d = desk(t);
const DAY_MS = 24 * 60 * 60 * 1000;

/** A health-related need: sensitive under PIPL, so the table decides who reads it. */
const DESCRIPTION = '上门助浴，老人腿脚不便，需两人协助';
const assignee = VIEWERS.assignee as As;

/** A whole 1×1 white PNG (so stricter upload checks still take it): the resident's photo of the bathroom. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');
const upload = async (user: string) =>
  dataOf<{ fileId: string }>(await t.request('/api/files', { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Dev-User': user }, body: PNG })).fileId;

/** Brings a fresh 上门照料 order of 张秀兰's along `path`; returns its id and photos. */
async function reach(path: Path): Promise<{ id: string; photos: string[] }> {
  const photos = [await upload(resident.user)];
  const placed = await d.place(resident, { serviceItemId: 's-homecare', description: DESCRIPTION, photos });
  const pooled = () => d.step(dispatcher, placed, 'dispatch', { teamId: 't-elder' });
  const grabbed = async () => d.step(assignee, await pooled(), 'grab');
  const completed = async () => d.step(assignee, await d.step(assignee, await grabbed(), 'start'), 'complete', { notes: '已协助洗浴，地面已做防滑' });
  const closed = async () => d.step(resident, await completed(), 'confirm', { attitude: 5, timeliness: 4, quality: 5, comment: '赵阿姨很细心' });
  const steps: Record<Path, () => Promise<unknown>> = {
    placed: async () => placed,
    pooled,
    offered: () => d.step(dispatcher, placed, 'dispatch', { teamId: 't-elder', workerId: assignee.user }),
    grabbed,
    started: async () => d.step(assignee, await grabbed(), 'start'),
    completed,
    closed,
    cancelled: async () => d.step(resident, await grabbed(), 'cancel', { reason: '家里人回来了，不需要了' }),
    refused: () => d.step(dispatcher, placed, 'refuse', { reason: '暂无助浴人手', redirect: '请联系街道养老服务中心' }),
    reopened: async () => d.step(supervisor, await closed(), 'reopen', { reason: '回访不满意，重新安排' }),
  };
  await steps[path]();
  return { id: placed.id, photos };
}

/** What `sight` says the viewer must find on the order, from the stored truth. */
function expected(sight: Sight, truth: OrderView | null, photos: string[]) {
  return {
    contactName: CONTACT.name[sight.name],
    contactPhone: CONTACT.phone[sight.phone],
    door: CONTACT.door[sight.door],
    building: sight.building ? '阳光小区1号楼' : '',
    description: sight.description ? DESCRIPTION : '',
    photos: sight.photos ? photos : [],
    completion: sight.completion ? (truth?.completion ?? null) : null,
    rating: sight.rating ? (truth?.rating ?? null) : null,
  };
}

/** What the household must read of the worker on a row's path (servedBy), from the table. */
function servedBy(path: Path) {
  const sight = WORKER_SEEN_BY_HOUSEHOLD[path];
  if (sight === 'nothing') return null;
  return { name: WORKER.name, teamName: WORKER.team, phone: sight === 'name and phone' ? WORKER.phone : null };
}

const seen = (o: OrderView) => ({
  contactName: o.contactName,
  contactPhone: o.contactPhone,
  door: o.address.door,
  building: `${o.address.compoundName}${o.address.buildingName}`,
  description: o.description,
  photos: o.photos,
  completion: o.completion,
  rating: o.rating,
});

async function checkRow(row: Row) {
  const { id, photos } = await reach(row.path);
  if (row.endedDaysAgo !== undefined) t.clock.advance(Math.round(row.endedDaysAgo * DAY_MS));
  const truth = (await t.store.getOrder(id)) as OrderView | null;
  expect(truth, 'the order exists').not.toBeNull();

  for (const [viewer, sight] of Object.entries(row.sees) as [Viewer, Sight | null][]) {
    const as = VIEWERS[viewer] as As;
    const reply = await d.get(as, id);
    const listed = dataOf<{ items: OrderView[] }>(await d.list(as, { limit: 50 })).items.find((o) => o.id === id);
    if (sight === null) {
      expect.soft(failure(reply), `${viewer} reads no order`).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
      expect.soft(listed, `${viewer} lists no order`).toBeUndefined();
      continue;
    }
    const { order } = dataOf<{ order: OrderView; events: OrderEvent[] }>(reply);
    expect.soft(order.servedBy ?? null, `${viewer} reads who is coming`).toEqual(viewer === 'household' ? servedBy(row.path) : null);
    if (viewer === 'household' && WORKER_SEEN_BY_HOUSEHOLD[row.path] !== 'name and phone') {
      expect.soft(JSON.stringify(reply.body), 'the household finds no worker phone').not.toContain(WORKER.phone);
    }
    const want = expected(sight, truth, photos);
    expect.soft(seen(order), `${viewer} reads`).toEqual(want);
    expect.soft(listed && seen(listed), `${viewer} lists`).toEqual(want);
    // A field held back appears nowhere: not in another field, not on the timeline.
    const text = JSON.stringify(reply.body);
    for (const field of ['name', 'phone', 'door'] as const) {
      if (sight[field] !== 'full') expect.soft(text, `${viewer} finds no ${field}`).not.toContain(CONTACT[field].full);
    }
  }

  // Neither the admin's statistics nor the public 晾晒 board carry the order or its person.
  const adminBoard = dataOf(await t.call('statistics', { action: 'board', role: 'admin', month: null }, VIEWERS.admin.user));
  const publicBoard = dataOf(await t.call('statistics', { action: 'public', communityId: 'c-xingfuli', month: '2026-10' }));
  for (const [board, reply] of [
    ['admin board', adminBoard],
    ['public board', publicBoard],
  ] as const) {
    const text = JSON.stringify(reply);
    for (const secret of [id, DESCRIPTION, CONTACT.name.full, CONTACT.name.masked, CONTACT.phone.full, CONTACT.phone.masked, CONTACT.door.full]) {
      expect.soft(text, `${board} holds no ${secret}`).not.toContain(secret);
    }
  }
}

describe('privacy by role (docs/privacy.md): every viewer × state × field through the handlers', () => {
  it.each(PRIVACY_TABLE.map((row) => [row.state, row] as const))('%s', async (_state, row) => {
    await checkRow(row);
  });

  it('covers every state an order can be in', () => {
    const paths = new Set(PRIVACY_TABLE.map((r) => r.path));
    expect([...paths].sort()).toEqual(['cancelled', 'closed', 'completed', 'grabbed', 'offered', 'placed', 'pooled', 'refused', 'reopened', 'started']);
  });

  it('is the table the document shows', () => {
    // The copy must follow the document: the retention it states and its viewers.
    const doc = fs.readFileSync('docs/privacy.md', 'utf8');
    expect(doc).toContain('**CONTACT_RETENTION_DAYS = 3**');
    for (const word of ['本户居民', '物业调度', '承接队员', '抢单池队员', '其他队员', '督单员', '社区管理员']) expect(doc).toContain(word);
  });
});
