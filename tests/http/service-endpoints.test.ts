import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, failure, resident, supervisor, worker, worker3 } from '../support/scenario';
import { PNG } from '../support/photos';

const t = useTestServer();
const d = desk(t);

/** The 8-byte PNG signature and a little more: enough to be an image upload. */
const upload = (body: BodyInit, type: string, user: string | null = resident.user) =>
  t.request('/api/files', { method: 'POST', headers: { 'Content-Type': type, ...(user ? { 'X-Dev-User': user } : {}) }, body });

describe('the endpoints around the functions', () => {
  it('answers /api/health and lists the demo users at /api/dev/users', async () => {
    expect(await t.request('/api/health')).toEqual({ status: 200, body: { ok: true } });
    const users = dataOf(await t.request('/api/dev/users')).users as { id: string; name: string; roles: string[] }[];
    expect(users.map((u) => u.id).sort()).toEqual(
      [
        'demo-admin',
        'demo-dispatcher',
        'demo-leader',
        'demo-resident',
        'demo-resident-2',
        'demo-supervisor',
        'demo-worker',
        'demo-worker-2',
        'demo-worker-3',
      ].sort(),
    );
    expect(users.find((u) => u.id === 'demo-worker-3')).toEqual({ id: 'demo-worker-3', name: '孙志远', roles: ['worker', 'resident'] });
  });

  it('stores an uploaded photo, serves it back, and puts it on an order', async () => {
    const up = await upload(PNG, 'image/png');
    const { fileId } = dataOf<{ fileId: string }>(up);
    expect(fileId).toMatch(/^f[a-z0-9]+\.png$/);
    const res = await fetch(`${t.url}/api/files/${fileId}`, { headers: { 'X-Dev-User': resident.user } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);

    const placed = await d.place(resident, { photos: [fileId] });
    expect(placed.photos).toEqual([fileId]);
  });

  it('refuses uploads from nobody (401), of non-images (415) and empty files (400), and unknown file ids (404)', async () => {
    expect(failure(await upload(PNG, 'image/png', null))).toEqual({ status: 401, code: 'AUTH.NO_IDENTITY' });
    const stranger = await upload(PNG, 'image/png', 'demo-nobody');
    expect(stranger.status).toBe(401);
    expect(stranger.body.error.code).toMatch(/^AUTH\./);
    // Told by its bytes, not by the type it claims (tests/http/uploads.test.ts).
    expect(failure(await upload('<script>alert(1)</script>', 'text/html'))).toEqual({ status: 415, code: 'FILE.NOT_AN_IMAGE' });
    expect(failure(await upload(Buffer.alloc(0), 'image/png'))).toEqual({ status: 400, code: 'INPUT.INVALID' });
    expect((await t.request('/api/files/f0000000000000.png')).status).toBe(404);
    expect((await t.request('/api/files/..%2F..%2Fred-property.sqlite')).status).toBe(404);
  });
});

describe('session, catalogue, teams and notifications', () => {
  it('tells each user who they are: roles, households with addresses, teams, company', async () => {
    const me = dataOf(await t.call('session', { action: 'whoami' }, resident.user));
    expect(me.user).toEqual({ id: 'demo-resident', name: '张秀兰', roles: ['resident'], onDuty: true, maxOpenOrders: 5 });
    expect(me.community).toEqual({ id: 'c-xingfuli', name: '幸福里社区' });
    expect(me.households.map((h: { id: string; address: string }) => [h.id, h.address])).toEqual([
      ['h-yg-a', '阳光小区1号楼2单元301'],
      ['h-yg-b', '阳光小区2号楼1单元102'],
    ]);
    const volunteer = dataOf(await t.call('session', { action: 'whoami' }, worker3.user));
    expect(volunteer.teams.map((x: { id: string }) => x.id).sort()).toEqual(['t-elder', 't-general']);
    expect(dataOf(await t.call('session', { action: 'whoami' }, dispatcher.user)).company).toEqual({ id: 'pc-hongxin', name: '红心物业服务有限公司' });
  });

  it('lists the active catalogue with red and market prices', async () => {
    const { items } = dataOf(await t.call('catalog', { action: 'list' }, resident.user));
    expect(items).toHaveLength(8);
    expect(items.find((i: { id: string }) => i.id === 's-meal')).toMatchObject({ name: '爱心午餐送餐', redPriceFen: 1200, marketPriceFen: 2500, unit: '餐' });
  });

  it("lists teams with each member's duty and load for the dispatcher, and refuses them to workers", async () => {
    const placed = await d.place(resident);
    await d.step(worker, await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' }), 'grab');
    const { teams } = dataOf(await t.call('teams', { action: 'list', role: 'dispatcher' }, dispatcher.user));
    expect(teams.map((x: { id: string }) => x.id).sort()).toEqual(['t-elder', 't-general']);
    const general = teams.find((x: { id: string }) => x.id === 't-general');
    expect(general.members).toEqual([
      { id: 'demo-worker', name: '刘师傅', onDuty: true, openOrders: 1, maxOpenOrders: 5 },
      { id: 'demo-worker-3', name: '孙志远', onDuty: true, openOrders: 0, maxOpenOrders: 2 },
    ]);
    expect(dataOf(await t.call('teams', { action: 'list', role: 'supervisor' }, supervisor.user)).teams).toHaveLength(2);
    expect(failure(await t.call('teams', { action: 'list', role: 'worker' }, worker.user))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
  });

  it('lists notifications newest first for the role the user acts in', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    t.clock.advance(60_000);
    await d.step(worker, pooled, 'grab');
    expect(await d.notifications(dispatcher)).toEqual([
      { id: expect.any(String), orderId: placed.id, text: '新的居民点单：门窗家具维修', about: '门窗家具维修 · 阳光小区1号楼', at: expect.any(Number) },
    ]);
    // Each names the service and the place, never the door.
    expect((await d.notifications(worker3)).map((n) => n.about)).toEqual(['门窗家具维修 · 阳光小区1号楼']);
    expect((await d.notifications(worker3)).map((n) => n.text)).toEqual(['新工单：门窗家具维修']);
    expect((await d.notifications(resident)).map((n) => n.text)).toEqual(['师傅已接单']);
    const limited = dataOf(await t.call('notifications', { action: 'list', role: 'worker', limit: 1 }, worker.user)).items;
    expect(limited).toHaveLength(1);
  });
});
