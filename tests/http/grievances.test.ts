import { describe, expect, it } from 'vitest';
import { DAY, HOUR, type BoardItem, type Department, type GrievanceStats, type Meeting, type Minutes, type OrderView } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, failure, requestId, resident2, supervisor, type As } from '../support/scenario';
import { PNG } from '../support/photos';

const t = useTestServer();
const d = desk(t);
/** 孙志远 as a resident of 和平小区 (h-hp-b), 李建国's neighbour. */
const neighbour: As = { user: 'demo-worker-3', role: 'resident' };
const admin: As = { user: 'demo-admin', role: 'admin' };

const call = (who: As, action: string, rest: Record<string, unknown> = {}) => t.call('grievances', { action, role: who.role, ...rest }, who.user);
/** 李建国 raises a 诉求 for his household in 和平小区. */
async function raise(fields: Record<string, unknown> = {}): Promise<OrderView> {
  const grievance = { category: 'facility', householdId: 'h-hp-a', description: '5号楼门口路灯坏了一个星期', place: '5号楼门口', ...fields };
  return dataOf<{ order: OrderView }>(await t.call('grievances', { action: 'create', requestId: requestId('raise'), grievance }, resident2.user)).order;
}
const boardOf = async (who: As, compoundId?: string) => dataOf<{ items: BoardItem[] }>(await call(who, 'board', compoundId ? { compoundId } : {})).items;

/** The 8-byte PNG signature and a little more: enough to be an image upload. */
const upload = async (user: string): Promise<string> =>
  dataOf<{ fileId: string }>(await t.request('/api/files', { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Dev-User': user }, body: PNG })).fileId;

describe('a 诉求 with a photo', () => {
  it('keeps the photo its resident uploaded, shows it to staff and never on the board, and refuses someone else’s', async () => {
    const photo = await upload(resident2.user);
    const g = await raise({ photos: [photo] });
    expect(g.photos).toEqual([photo]);
    const seen = dataOf<{ photoUrls: Record<string, string> }>(await t.call('orders', { action: 'get', role: 'supervisor', orderId: g.id }, supervisor.user));
    expect(Object.keys(seen.photoUrls)).toEqual([photo]);
    expect(JSON.stringify(await boardOf(neighbour))).not.toContain(photo);

    const theirs = await upload(neighbour.user);
    const refused = await t.call(
      'grievances',
      {
        action: 'create',
        requestId: requestId('raise'),
        grievance: { category: 'facility', householdId: 'h-hp-a', description: '路灯坏了', photos: [theirs] },
      },
      resident2.user,
    );
    expect(failure(refused).code).toMatch(/^FILE\./);
  });
});

describe('raising a 诉求 and the compound’s board', () => {
  it('raises an order of kind grievance with a number, and shows it on the compound’s board without personal data', async () => {
    const g = await raise({ anonymous: true });
    expect(g).toMatchObject({ kind: 'grievance', state: 'pending_dispatch', serviceName: '诉求·设施报修' });
    expect(g.number).toMatch(/^\d{4}-\d{3}$/);

    const items = await boardOf(neighbour);
    const item = items.find((i) => i.id === g.id)!;
    expect(item).toMatchObject({ where: '5号楼门口', voices: 1, mine: false, stateLabel: '待派单' });
    const text = JSON.stringify(items);
    for (const personal of ['李建国', '13800003333', '3单元601', 'demo-resident-2', 'h-hp-a']) expect(text).not.toContain(personal);
  });

  it('shows an anonymous 诉求 at the household as the compound only, a named one with its building', async () => {
    const hidden = await raise({ anonymous: true, place: '' });
    const named = await raise({ anonymous: false, place: '' });
    const items = await boardOf(neighbour);
    expect(items.find((i) => i.id === hidden.id)?.where).toBe('和平小区');
    expect(items.find((i) => i.id === named.id)?.where).toBe('和平小区5号楼');
  });

  it('lets a resident read only the board of a compound they live in', async () => {
    await raise();
    expect(failure(await call(neighbour, 'board', { compoundId: 'cp-yangguang' }))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect((await boardOf(supervisor, 'cp-heping')).length).toBeGreaterThan(0);
  });
});

describe('我也遇到 merging', () => {
  it('adds the neighbour to the existing 诉求 (no second order), who is then told of its outcome', async () => {
    const g = await raise();
    const before = await t.store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, { kind: 'grievance' }, { limit: 50 });
    const seen = (await boardOf(neighbour)).find((i) => i.id === g.id)!;
    const joined = await d.step(neighbour, seen, 'me_too');
    // What comes back to the neighbour names nobody.
    expect(joined).toMatchObject({ contactName: '', contactPhone: '', createdBy: '', householdId: '' });
    expect(joined.address.door).toBe('');
    expect(failure(await d.act(neighbour, joined, 'me_too'))).toEqual({ status: 409, code: 'GRIEVANCE.ALREADY_JOINED' });
    const after = await t.store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, { kind: 'grievance' }, { limit: 50 });
    expect(after.items.length).toBe(before.items.length);
    expect((await boardOf(neighbour)).find((i) => i.id === g.id)).toMatchObject({ voices: 2, joined: true, following: true });

    // The neighbour cannot open the 诉求 itself, only the board.
    expect(failure(await d.get(neighbour, g.id))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });

    const classified = await d.step(dispatcher, (await d.read(dispatcher, g.id)).order, 'classify', { category: 'facility', level: 'urgent' });
    const routed = await d.step(supervisor, classified, 'route', { to: 'department', departmentId: 'd-power' });
    await d.step(supervisor, routed, 'resolve', { text: '供电所已更换路灯' });
    expect((await d.notifications(neighbour)).map((n) => n.text)).toContain('您关注的诉求有了办理结果：供电所已更换路灯');
    expect((await d.notifications(resident2)).map((n) => n.text)).toContain('您关注的诉求有了办理结果：供电所已更换路灯');
  });
});

describe('an outside department’s reply', () => {
  it('is entered by the supervisor, counted late after the level’s deadline, and shows in the statistics by route', async () => {
    const g = await raise();
    const classified = await d.step(supervisor, (await d.read(supervisor, g.id)).order, 'classify', { category: 'safety', level: 'urgent' });
    const routed = await d.step(supervisor, classified, 'route', { to: 'department', departmentId: 'd-water' });
    expect(routed).toMatchObject({ state: 'referred', clock: { stage: 'complete' } });
    t.clock.advance(DAY + HOUR);
    const answered = await d.step(supervisor, (await d.read(supervisor, g.id)).order, 'resolve', { text: '供水公司已抢修' });
    expect(answered.state).toBe('pending_confirm');
    expect(answered.grievance?.replies[0]).toMatchObject({ departmentName: '供水公司客服中心', late: true, accepted: true });
    await d.step(resident2, (await d.read(resident2, g.id)).order, 'confirm', { attitude: 5, timeliness: 3, quality: 4 });

    const month = new Date(t.clock.now() + 8 * HOUR).toISOString().slice(0, 7);
    const stats = dataOf<GrievanceStats>(await call(supervisor, 'stats', { month }));
    expect(stats.departments.find((x) => x.departmentId === 'd-water')).toMatchObject({ routed: 1, answered: 1, late: 1 });
    expect(stats.byRoute.find((x) => x.key === 'department')?.sums.orders).toBeGreaterThan(0);
    expect(stats.byCategory.find((x) => x.key === 'safety')?.sums.rated).toBeGreaterThan(0);
    expect(failure(await call(dispatcher, 'stats', { month }))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
  });
});

describe('the department directory', () => {
  it('is kept by the admin: added, edited, retired (then off the routing sheet)', async () => {
    const added = dataOf<{ department: Department }>(await call(admin, 'saveDepartment', { name: '燃气公司', contact: '客服', phone: '96777' })).department;
    expect((await d.step(supervisor, await classifiedGrievance(), 'route', { to: 'department', departmentId: added.id })).state).toBe('referred');
    await call(admin, 'saveDepartment', { departmentId: added.id, name: '燃气公司', active: false });
    const listed = dataOf<{ items: Department[] }>(await call(supervisor, 'departments')).items;
    expect(listed.map((x) => x.id)).not.toContain(added.id);
    expect(failure(await d.act(supervisor, await classifiedGrievance(), 'route', { to: 'department', departmentId: added.id }))).toEqual({
      status: 404,
      code: 'DEPARTMENT.NOT_FOUND',
    });
    expect(failure(await call(supervisor, 'saveDepartment', { name: '越权' }))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
  });
});

async function classifiedGrievance(): Promise<OrderView> {
  const g = await raise();
  return d.step(supervisor, (await d.read(supervisor, g.id)).order, 'classify', { category: 'facility', level: 'normal' });
}

describe('the roundtable', () => {
  it('follows an agenda item to done and a rating, and exports the minutes with no resident named', async () => {
    const attendees = {
      street: '街道党工委王书记',
      neighbourhood: '居委会李主任',
      partyBranch: '小区支部刘书记',
      owners: '业委会陈主任',
      property: '红心物业赵经理',
    };
    const meeting = dataOf<{ meeting: Meeting }>(
      await call(supervisor, 'createMeeting', {
        compoundId: 'cp-heping',
        title: '和平小区圆桌会议',
        at: t.clock.now() + DAY,
        place: '社区党群服务中心',
        attendees,
      }),
    ).meeting;
    const onAgenda = await d.step(supervisor, await classifiedGrievance(), 'route', { to: 'roundtable', meetingId: meeting.id });
    const decided = await d.step(supervisor, onAgenda, 'agenda_decide', {
      decision: '业委会出资更换路灯',
      responsible: 'owners',
      dueAt: t.clock.now() + 10 * DAY,
    });
    expect((await boardOf(neighbour)).find((i) => i.id === onAgenda.id)?.agenda).toMatchObject({ decision: '业委会出资更换路灯', responsible: '业委会' });
    const done = await d.step(supervisor, decided, 'resolve', { text: '路灯已更换' });
    await d.step(resident2, (await d.read(resident2, done.id)).order, 'confirm', { attitude: 5, timeliness: 5, quality: 5 });

    const minutes = dataOf<Minutes>(await call(supervisor, 'minutes', { meetingId: meeting.id }));
    expect(minutes.items).toEqual([expect.objectContaining({ decision: '业委会出资更换路灯', responsible: '业委会', state: 'closed', rating: 5, done: true })]);
    expect(minutes.attendees.map((a) => a.label)).toEqual(['街道党工委', '居委会', '小区党组织', '业委会', '物业']);

    const file = dataOf<{ filename: string; mime: string; base64: string }>(await call(supervisor, 'exportMinutes', { meetingId: meeting.id }));
    const html = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(file.mime).toContain('text/html');
    expect(html).toContain('业委会出资更换路灯');
    expect(html).toContain('街道党工委王书记');
    expect(html).not.toContain('李建国');
    expect(html).not.toContain('3单元601');
  });
});
