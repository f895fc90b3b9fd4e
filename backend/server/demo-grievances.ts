import { DAY, HOUR, type ActionInputRequest, type ActionType, type Envelope, type Millis } from '@core';
import { FUNCTIONS } from '../functions/registry';
import type { Deps } from '../runtime/deps';
import type { Store } from '../storage/port';
import { runSweep } from '../usecases/sweep';

/**
 * The demo community's 诉求 (issue 15), played after the demo month through the real handlers as
 * the app would send them, so each role opens on some: a street lamp answered by 供电所 and rated, a
 * blocked fire lane the 圆桌会议 decided on, a leak between neighbours the property mediates, a
 * policy question waiting on 街道, and a fresh complaint the dispatcher has yet to classify. One
 * roundtable meeting of 阳光小区 holds the fire lane.
 */
export async function playDemoGrievances(store: Store, until: Millis = Date.now()): Promise<{ grievances: number }> {
  let now = until - 9 * DAY;
  let n = 0;
  let ids = 0;
  const deps: Deps = { store, now: () => now, newId: (prefix) => `${prefix}${now.toString(36)}demo${(++ids).toString(36).padStart(4, '0')}` };
  const at = async (t: Millis) => {
    now = t;
    await runSweep(deps);
  };
  const call = async <T>(fn: 'grievances' | 'orders', user: string, event: Record<string, unknown>): Promise<T> => {
    // Writes that may be retried carry a request id (orders and 诉求 raised); the meeting takes none.
    const once = fn === 'orders' || event.action === 'create' ? { requestId: `demo-grievance-${++n}` } : {};
    const reply = (await FUNCTIONS[fn]({ ...event, ...once }, { devUserId: user }, deps)) as Envelope<T>;
    if (!reply.ok) throw new Error(`demo 诉求: ${fn}.${String(event.action)} by ${user} refused: ${reply.error.code} ${reply.error.message}`);
    return reply.data;
  };
  const raise = async (user: string, grievance: Record<string, unknown>) =>
    (await call<{ order: { id: string } }>('grievances', user, { action: 'create', grievance })).order.id;
  const act = async <A extends ActionType>(user: string, role: string, id: string, action: A, input: ActionInputRequest<A>) => {
    const order = await store.getOrder(id);
    await call('orders', user, { action, role, orderId: id, version: order!.version, input });
  };

  // 和平小区's street lamp: 我也遇到 from a neighbour, 供电所 answers, 李建国 rates it.
  const lamp = await raise('demo-resident-2', {
    category: 'facility',
    householdId: 'h-hp-a',
    description: '5号楼门口的路灯坏了一个星期，晚上老人出门看不清台阶',
    place: '5号楼门口',
  });
  await at(now + 2 * HOUR);
  await act('demo-worker-3', 'resident', lamp, 'me_too', {});
  await act('demo-dispatcher', 'dispatcher', lamp, 'classify', { category: 'facility', level: 'urgent' });
  await act('demo-supervisor', 'supervisor', lamp, 'route', { to: 'department', departmentId: 'd-power', note: '路灯由供电所维护' });
  await at(now + 20 * HOUR);
  await act('demo-supervisor', 'supervisor', lamp, 'resolve', { text: '供电所已更换灯头和线路，路灯恢复照明' });
  await at(now + 5 * HOUR);
  await act('demo-resident-2', 'resident', lamp, 'confirm', { attitude: 5, timeliness: 5, quality: 5, comment: '修得很快，谢谢' });

  // 阳光小区's fire lane: anonymous, 重大, put before the roundtable, which decides.
  await at(until - 7 * DAY);
  const lane = await raise('demo-resident', {
    category: 'safety',
    householdId: 'h-yg-a',
    description: '2号楼后面的消防通道长期被私家车占用，救护车进不来',
    place: '2号楼后消防通道',
    anonymous: true,
  });
  await at(now + HOUR);
  await act('demo-supervisor', 'supervisor', lane, 'classify', { category: 'safety', level: 'major' });
  const { meeting } = await call<{ meeting: { id: string } }>('grievances', 'demo-supervisor', {
    action: 'createMeeting',
    role: 'supervisor',
    compoundId: 'cp-yangguang',
    title: '阳光小区圆桌会议（消防通道与停车）',
    at: until - 3 * DAY,
    place: '社区党群服务中心二楼会议室',
    attendees: {
      street: '王建华（街道党工委副书记）',
      neighbourhood: '李秀梅（居委会主任）',
      partyBranch: '刘志刚（阳光小区党支部书记）',
      owners: '陈国平（业委会主任）',
      property: '赵磊（红心物业项目经理）',
    },
  });
  await act('demo-supervisor', 'supervisor', lane, 'route', { to: 'roundtable', meetingId: meeting.id });
  await at(until - 3 * DAY + 2 * HOUR);
  await act('demo-supervisor', 'supervisor', lane, 'agenda_decide', {
    decision: '物业在消防通道两端安装隔离桩并划禁停线，业委会张贴公告，居委会上门劝导车主',
    responsible: 'property',
    dueAt: until + 7 * DAY,
  });

  // 王德福's ceiling (张秀兰 raises it for him, 代办): the property company mediates.
  await at(until - 2 * DAY);
  const leak = await raise('demo-resident', {
    category: 'dispute',
    householdId: 'h-yg-b',
    description: '楼上卫生间漏水渗到我家天花板，和楼上协商了几次没有结果',
  });
  await at(now + 3 * HOUR);
  await act('demo-dispatcher', 'dispatcher', leak, 'classify', { category: 'dispute', level: 'normal' });
  await act('demo-dispatcher', 'dispatcher', leak, 'route', { to: 'company', note: '物业管家上门查看并约双方协调' });

  // A policy question with 街道, and a fresh smell from the refuse station nobody has classified yet.
  await at(until - 4 * DAY);
  const lift = await raise('demo-resident-2', { category: 'policy', householdId: 'h-hp-a', description: '想了解老旧小区加装电梯的补贴政策和申请流程' });
  await at(now + 3 * HOUR);
  await act('demo-supervisor', 'supervisor', lift, 'classify', { category: 'policy', level: 'normal' });
  await act('demo-supervisor', 'supervisor', lift, 'route', { to: 'department', departmentId: 'd-street' });
  await at(until - 90 * 60_000);
  await raise('demo-resident-2', {
    category: 'sanitation',
    householdId: 'h-hp-a',
    description: '垃圾站周边异味很大，清运不及时，夏天更严重',
    place: '小区北门垃圾站',
  });
  await at(until);
  return { grievances: 5 };
}
