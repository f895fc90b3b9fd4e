import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode, OrderView } from '@core';
import { userFixture } from '../fixtures/user';
import { serviceItemFixture } from '../fixtures/service-item';
import { useTestServer, type Reply } from '../support/test-server';
import { dataOf, desk, dispatcher, failure, requestId, resident, resident2, supervisor, worker, worker2, worker3, type As } from '../support/scenario';

const t = useTestServer();
const d = desk(t);
/** Placed by demo-resident, waiting in t-general's pool. */
let pooled: OrderView;
/** Placed by demo-resident, grabbed by demo-worker. */
let held: OrderView;

beforeEach(async () => {
  pooled = await d.step(dispatcher, await d.place(resident), 'dispatch', { teamId: 't-general' });
  const second = await d.step(dispatcher, await d.place(resident, { description: '卧室门锁坏了' }), 'dispatch', { teamId: 't-general' });
  held = await d.step(worker, second, 'grab');
});

/** Sends a request that must be refused with this status and code, and proves the store did not change. */
async function refused(send: () => Promise<Reply>, status: number, code: ErrorCode): Promise<Reply> {
  const before = t.dump();
  const reply = await send();
  expect(failure(reply)).toEqual({ status, code });
  expect(reply.body.ok).toBe(false);
  expect(reply.body.error.message).toMatch(/\p{Script=Han}/u);
  expect(t.dump()).toBe(before);
  return reply;
}

/** POSTs a raw body to a function as a user. */
const post = (fn: string, body: BodyInit, user: string | null = resident.user, headers: Record<string, string> = {}) =>
  t.request(`/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(user ? { 'X-Dev-User': user } : {}), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

const createEvent = (order: Record<string, unknown>) => ({ action: 'create', requestId: requestId('create'), order: { ...d.orderInput(), ...order } });

describe('wrong types, missing and extra fields → 400 INPUT.INVALID naming the field', () => {
  it('refuses a description that is a number', async () => {
    const r = await refused(() => t.call('orders', createEvent({ description: 123 }), resident.user), 400, 'INPUT.INVALID');
    expect(r.body.error.details).toEqual({ 'order.description': '应为文字' });
  });

  it('refuses a time window in seconds instead of milliseconds', async () => {
    const s = Math.floor(t.clock.now() / 1000);
    await refused(() => t.call('orders', createEvent({ timeWindow: { from: s, to: s + 3600 } }), resident.user), 400, 'INPUT.INVALID');
  });

  it('refuses a version sent as a string', async () => {
    const r = await refused(
      () => t.call('orders', { action: 'grab', role: 'worker', orderId: pooled.id, version: String(pooled.version), requestId: requestId() }, worker.user),
      400,
      'INPUT.INVALID',
    );
    expect(r.body.error.details).toHaveProperty('version');
  });

  it('refuses star ratings outside 1–5', async () => {
    const started = await d.step(worker, held, 'start');
    const done = await d.step(worker, started, 'complete', { notes: '已修好' });
    const mine = (await d.read(resident, done.id)).order;
    await refused(() => d.act(resident, mine, 'confirm', { attitude: 6, timeliness: 5, quality: 5 }), 400, 'INPUT.INVALID');
    await refused(() => d.act(resident, mine, 'confirm', { attitude: 4.5, timeliness: 5, quality: 5 }), 400, 'INPUT.INVALID');
  });

  it('refuses an order without a household', async () => {
    const event = createEvent({});
    delete (event.order as Record<string, unknown>).householdId;
    const r = await refused(() => t.call('orders', event, resident.user), 400, 'INPUT.INVALID');
    expect(r.body.error.details).toEqual({ 'order.householdId': '缺少此项' });
  });

  it('refuses an action without a requestId, and one too short to be unique', async () => {
    await refused(
      () => t.call('orders', { action: 'urge', role: 'resident', orderId: pooled.id, version: pooled.version }, resident.user),
      400,
      'INPUT.INVALID',
    );
    await refused(() => d.act(resident, pooled, 'urge', {}, 'abc'), 400, 'INPUT.INVALID');
  });

  it('refuses a call that names no role', async () => {
    await refused(() => t.call('orders', { action: 'list' }, resident.user), 400, 'INPUT.INVALID');
  });

  it('refuses a blank reason where a reason is required', async () => {
    await refused(() => d.act(worker, held, 'decline', { reason: '   ' }), 400, 'INPUT.INVALID');
  });

  it('refuses text beyond its limit, and invisible control characters', async () => {
    await refused(() => t.call('orders', createEvent({ description: '漏'.repeat(501) }), resident.user), 400, 'INPUT.INVALID');
    await refused(() => t.call('orders', createEvent({ description: '漏水\u202e请转账' }), resident.user), 400, 'INPUT.INVALID');
  });

  it('refuses a field the order does not have', async () => {
    const r = await refused(() => t.call('orders', createEvent({ state: 'closed' }), resident.user), 400, 'INPUT.INVALID');
    expect(r.body.error.details).toEqual({ 'order.state': '不认识的字段' });
  });

  it("refuses an extra top-level field, such as someone else's user id", async () => {
    await refused(() => t.call('orders', { ...createEvent({}), userId: 'demo-supervisor' }, resident.user), 400, 'INPUT.INVALID');
    await refused(() => t.call('orders', { ...createEvent({}), role: 'resident' }, resident.user), 400, 'INPUT.INVALID');
  });

  it("refuses an extra field in an action's input", async () => {
    const r = await refused(
      () => d.act(dispatcher, pooled, 'reassign', { teamId: 't-general', workerId: 'demo-worker-3', reason: '就近', state: 'closed' }),
      400,
      'INPUT.INVALID',
    );
    expect(r.body.error.details).toEqual({ 'input.state': '不认识的字段' });
  });

  it('refuses a __proto__ key, in the order and at the top level', async () => {
    const inOrder = JSON.stringify(createEvent({})).replace('"order":{', '"order":{"__proto__":{"state":"closed"},');
    expect(JSON.parse(inOrder).order).toHaveProperty('__proto__');
    const r = await refused(() => post('orders', inOrder), 400, 'INPUT.INVALID');
    expect(r.body.error.details).toEqual({ 'order.__proto__': '不认识的字段' });

    const atTop = `{"__proto__":{"roles":["supervisor"]},"action":"list","role":"resident"}`;
    await refused(() => post('orders', atTop), 400, 'INPUT.INVALID');
    // Nothing leaked into the prototype of the server's objects.
    expect(({} as Record<string, unknown>).state).toBeUndefined();
  });

  it('refuses a body that is not an object', async () => {
    await refused(() => post('orders', '[1,2,3]'), 400, 'INPUT.INVALID');
    await refused(() => post('orders', 'null'), 400, 'INPUT.INVALID');
    await refused(() => post('orders', '"create"'), 400, 'INPUT.INVALID');
  });
});

describe('malformed requests', () => {
  it('answers 400 INPUT.INVALID to invalid JSON', async () => {
    const r = await refused(() => post('orders', '{"action":"create",'), 400, 'INPUT.INVALID');
    expect(r.body.error.details).toEqual({ '(root)': '不是合法的 JSON' });
  });

  it('answers 413 REQUEST.TOO_LARGE to a 1 MB body', async () => {
    const huge = JSON.stringify(createEvent({ description: 'x'.repeat(1024 * 1024) }));
    expect(huge.length).toBeGreaterThan(1024 * 1024);
    await refused(() => post('orders', huge), 413, 'REQUEST.TOO_LARGE');
  });

  it('answers 413 REQUEST.TOO_LARGE to a 1 MB body streamed without a Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 16) controller.enqueue(chunk);
        else controller.close();
      },
    });
    await refused(() => post('orders', stream), 413, 'REQUEST.TOO_LARGE');
  });

  it('answers 404 FUNCTION.NOT_FOUND to an unknown function, and to the sweep (never exposed over HTTP)', async () => {
    await refused(() => t.call('payments', { action: 'list' }, resident.user), 404, 'FUNCTION.NOT_FOUND');
    await refused(() => t.call('sweep', {}, resident.user), 404, 'FUNCTION.NOT_FOUND');
    await refused(() => t.call('__proto__', { action: 'list' }, resident.user), 404, 'FUNCTION.NOT_FOUND');
    await refused(() => t.request('/api/nothing-here', { method: 'POST', headers: { 'X-Dev-User': resident.user } }), 404, 'FUNCTION.NOT_FOUND');
  });

  it('answers 400 INPUT.UNKNOWN_ACTION to an unknown action, including inherited names', async () => {
    for (const action of ['delete', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      await refused(() => t.call('orders', { action, role: 'resident', orderId: pooled.id }, resident.user), 400, 'INPUT.UNKNOWN_ACTION');
    }
  });

  it('answers 400 to a function called with GET', async () => {
    await refused(() => t.request('/api/functions/orders', { headers: { 'X-Dev-User': resident.user } }), 400, 'INPUT.INVALID');
  });
});

describe('identity and roles', () => {
  it('answers 401 AUTH.NO_IDENTITY without X-Dev-User', async () => {
    await refused(() => t.call('orders', createEvent({})), 401, 'AUTH.NO_IDENTITY');
    await refused(() => t.call('session', { action: 'whoami' }), 401, 'AUTH.NO_IDENTITY');
  });

  it('answers 401 AUTH.UNKNOWN_USER to a user who does not exist', async () => {
    await refused(() => t.call('session', { action: 'whoami' }, 'demo-nobody'), 401, 'AUTH.UNKNOWN_USER');
    await refused(() => t.call('orders', createEvent({}), 'openid-demo-resident'), 401, 'AUTH.UNKNOWN_USER');
  });

  it('answers 403 AUTH.ROLE_NOT_HELD to a role the user does not hold', async () => {
    await refused(
      () => d.act({ user: 'demo-resident', role: 'dispatcher' }, pooled, 'reassign', { teamId: 't-general', workerId: 'demo-worker-3', reason: '就近' }),
      403,
      'AUTH.ROLE_NOT_HELD',
    );
    await refused(() => d.list({ user: 'demo-resident', role: 'supervisor' }), 403, 'AUTH.ROLE_NOT_HELD');
    await refused(() => d.create(dispatcher), 403, 'AUTH.ROLE_NOT_HELD');
  });

  it('answers 403 AUTH.FORBIDDEN to an action the role may not take', async () => {
    await refused(() => d.act(resident, held, 'start'), 403, 'AUTH.FORBIDDEN');
    await refused(() => d.act(dispatcher, held, 'complete', { notes: '代为完工' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => d.act(supervisor, held, 'cancel', { reason: '不想要了' }), 403, 'AUTH.FORBIDDEN');
  });
});

describe("other people's orders", () => {
  it('answers 404 ORDER.NOT_FOUND to another resident, reading or acting', async () => {
    await refused(() => d.get(resident2, pooled.id), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(resident2, pooled, 'cancel'), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(resident2, pooled, 'complain', { text: '看看别人的单' }), 404, 'ORDER.NOT_FOUND');
    expect(dataOf(await d.list(resident2)).items).toEqual([]);
  });

  it('answers 404 to an order id that does not exist', async () => {
    await refused(() => d.get(supervisor, 'o-does-not-exist'), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(resident, { id: 'o-does-not-exist', version: 1 }, 'urge'), 404, 'ORDER.NOT_FOUND');
  });

  it('keeps a worker off an order held by a teammate (404) and off accepting a pool order (403)', async () => {
    await refused(() => d.get(worker3, held.id), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(worker3, held, 'start'), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(worker3, held, 'decline', { reason: '我来退' }), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(worker2, pooled, 'grab'), 404, 'ORDER.NOT_FOUND');
    // A pool order is grabbed, not accepted: accept is for the named member only.
    await refused(() => d.act(worker3, pooled, 'accept'), 403, 'AUTH.FORBIDDEN');
  });

  it('refuses to order for a household that is not yours, or a service that does not exist', async () => {
    await refused(() => d.create(resident2, { householdId: 'h-yg-a' }), 403, 'HOUSEHOLD.NOT_YOURS');
    await refused(() => d.create(resident, { serviceItemId: 's-massage' }), 404, 'SERVICE.NOT_FOUND');
  });

  it('refuses a time window that is over, or backwards', async () => {
    const now = t.clock.now();
    await refused(() => d.create(resident, { timeWindow: { from: now - 5 * 3_600_000, to: now - 3 * 3_600_000 } }), 400, 'INPUT.INVALID');
    await refused(() => d.create(resident, { timeWindow: { from: now + 3_600_000, to: now } }), 400, 'INPUT.INVALID');
  });
});

describe('stale versions', () => {
  it('answers 409 ORDER.VERSION_CONFLICT to an action on a version someone else has moved past', async () => {
    const seen = (await d.read(dispatcher, pooled.id)).order; // the dispatcher's screen
    const tomorrow = { from: t.clock.now() + 24 * 3_600_000, to: t.clock.now() + 26 * 3_600_000 };
    await d.step(resident, (await d.read(resident, pooled.id)).order, 'reschedule', { timeWindow: tomorrow }); // meanwhile the resident moves the booking
    await refused(() => d.act(dispatcher, seen, 'reassign', { teamId: 't-elder', reason: '改派为老服务队' }), 409, 'ORDER.VERSION_CONFLICT');
    await refused(() => d.act(worker, { id: held.id, version: held.version - 1 }, 'start'), 409, 'ORDER.VERSION_CONFLICT');
  });

  it('answers 409 ORDER.TRANSITION_NOT_ALLOWED to an action from the wrong state', async () => {
    await refused(() => d.act(worker, held, 'complete', { notes: '还没开始就完工' }), 409, 'ORDER.TRANSITION_NOT_ALLOWED');
    await refused(() => d.act(dispatcher, pooled, 'dispatch', { teamId: 't-elder' }), 409, 'ORDER.TRANSITION_NOT_ALLOWED');
  });
});

describe('another community', () => {
  const OTHER = 'c-ankang';
  const otherSupervisor: As = { user: 'ak-supervisor', role: 'supervisor' };
  const otherResident: As = { user: 'ak-resident', role: 'resident' };

  beforeEach(async () => {
    const s = t.store;
    const ORDINARY = { dispatch: 120, accept: 60, start: 1440, complete: 4320, confirm: 4320 };
    await s.putRefs('communities', [
      {
        id: OTHER,
        name: '安康社区',
        secretaryUserId: 'ak-supervisor',
        settings: { defaultDeadlines: ORDINARY, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: 120 },
      },
    ]);
    await s.putRefs('companies', [{ id: 'pc-ankang', name: '安康物业' }]);
    await s.putRefs('compounds', [{ id: 'cp-ankang', communityId: OTHER, name: '安康小区', companyId: 'pc-ankang' }]);
    await s.putRefs('buildings', [{ id: 'b-ak-1', compoundId: 'cp-ankang', name: '1号楼' }]);
    await s.putRefs('households', [
      {
        id: 'h-ak-1-101',
        communityId: OTHER,
        compoundId: 'cp-ankang',
        buildingId: 'b-ak-1',
        door: '1单元101',
        contactName: '钱大爷',
        contactPhone: '13700009999',
      },
    ]);
    await s.putRefs('users', [
      userFixture('ak-supervisor', OTHER, ['supervisor']),
      userFixture('ak-resident', OTHER, ['resident'], { householdIds: ['h-ak-1-101'] }),
    ]);
    await s.putRefs('serviceItems', [serviceItemFixture('s-ak-repair', OTHER, { name: '安康维修' })]);
  });

  it('hides our orders from its supervisor (404), and theirs from ours', async () => {
    const theirs = await d.place(otherResident, { serviceItemId: 's-ak-repair', householdId: 'h-ak-1-101' });
    expect(theirs.communityId).toBe(OTHER);

    await refused(() => d.get(otherSupervisor, pooled.id), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(otherSupervisor, pooled, 'instruct', { text: '越界督办', to: 'dispatcher' }), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.get(supervisor, theirs.id), 404, 'ORDER.NOT_FOUND');
    await refused(() => d.act(dispatcher, theirs, 'dispatch', { teamId: 't-general' }), 404, 'ORDER.NOT_FOUND');

    const theirList = dataOf(await d.list(otherSupervisor));
    expect(theirList.items.map((o: OrderView) => o.id)).toEqual([theirs.id]);
    expect(theirList.counts.pending_dispatch).toBe(1);
    const ourList = dataOf(await d.list(supervisor));
    expect(ourList.items.map((o: OrderView) => o.id).sort()).toEqual([pooled.id, held.id].sort());
  });

  it('refuses our resident their services and households, and their resident ours', async () => {
    await refused(() => d.create(resident, { serviceItemId: 's-ak-repair' }), 404, 'SERVICE.NOT_FOUND');
    await refused(() => d.create(resident, { serviceItemId: 's-ak-repair', householdId: 'h-ak-1-101' }), 403, 'HOUSEHOLD.NOT_YOURS');
    await refused(() => d.create(otherResident, { householdId: 'h-ak-1-101' }), 404, 'SERVICE.NOT_FOUND');
  });
});
