import { bool, int, list, obj, oneOf, optional, str, type Infer, type InferInput } from './contract/fields';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_LEVELS, PARTIES } from './grievance';
import { lazyProperties } from './lazy-properties';

/** Limits that the form, the validator and the tests share. */
export const LIMITS = {
  description: 500,
  reason: 200,
  notes: 500,
  comment: 300,
  photos: 9,
  fileId: 256,
  name: 30,
} as const;

// The fields below are made when a schema holding them is built, not when the module loads.
const reason = () => str({ min: 1, max: LIMITS.reason });
const fileId = () => str({ min: 1, max: LIMITS.fileId });
const id = () => str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
export const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const stars = () => int(1, 5);
/** Epoch milliseconds between 2020 and 2100: rejects seconds, strings and nonsense alike. */
const instant = () => int(1_577_836_800_000, 4_102_444_800_000);
/** A booked time: from and to, in epoch milliseconds (checked against the clock by the core). */
const timeWindow = () => obj({ from: instant(), to: instant() });

/** The forms a resident fills in, each schema built when first read. */
export const ORDER_FORMS = lazyProperties({
  /** What a resident fills in to order a service (点单). */
  create: () =>
    obj({
      serviceItemId: id(),
      householdId: id(),
      description: str({ min: 1, max: LIMITS.description }),
      timeWindow: timeWindow(),
      photos: optional(list(fileId(), LIMITS.photos), [] as string[]),
      contactName: optional(str({ min: 1, max: LIMITS.name })),
      contactPhone: optional(str({ min: 1, max: 20, pattern: PHONE })),
    }),
  /** What a resident fills in to raise a 诉求: what, where (their household, or a point in the compound), and whether to stay anonymous. */
  grievance: () =>
    obj({
      category: oneOf(GRIEVANCE_CATEGORIES),
      householdId: id(),
      description: str({ min: 1, max: LIMITS.description }),
      place: optional(str({ max: LIMITS.reason }), ''),
      anonymous: optional(bool, false),
      photos: optional(list(fileId(), LIMITS.photos), [] as string[]),
    }),
});
export type CreateOrderInput = Infer<typeof ORDER_FORMS.create>;
export type CreateGrievanceInput = Infer<typeof ORDER_FORMS.grievance>;

/** The input each action takes, besides the order, its version and the request id (each schema built when first read). */
export const ACTION_INPUTS = lazyProperties({
  cancel: () => obj({ reason: optional(str({ max: LIMITS.reason }), '') }),
  urge: () => obj({}),
  confirm: () =>
    obj({
      attitude: stars(),
      timeliness: stars(),
      quality: stars(),
      comment: optional(str({ max: LIMITS.comment }), ''),
    }),
  rework: () => obj({ reason: reason() }),
  complain: () => obj({ text: str({ min: 1, max: LIMITS.reason }) }),
  dispatch: () => obj({ teamId: id(), workerId: optional(id(), null) }),
  reassign: () => obj({ teamId: id(), workerId: optional(id(), null), reason: reason() }),
  refuse: () => obj({ reason: reason(), redirect: optional(str({ max: LIMITS.reason }), '') }),
  accept: () => obj({}),
  grab: () => obj({}),
  decline: () => obj({ reason: reason() }),
  start: () => obj({}),
  complete: () =>
    obj({
      notes: str({ min: 1, max: LIMITS.notes }),
      photos: optional(list(fileId(), LIMITS.photos), [] as string[]),
    }),
  instruct: () =>
    obj({
      text: str({ min: 1, max: LIMITS.reason }),
      to: oneOf(['dispatcher', 'worker'] as const),
      dueInHours: optional(int(1, 720), null),
    }),
  reopen: () => obj({ reason: reason() }),
  reply: () => obj({ seq: int(1, 1_000_000), text: str({ min: 1, max: LIMITS.reason }) }),
  answer: () => obj({ seq: int(1, 1_000_000), text: str({ min: 1, max: LIMITS.reason }) }),
  revisit: () =>
    obj({
      reached: bool,
      satisfied: optional(bool, null),
      notes: optional(str({ max: LIMITS.notes }), ''),
    }),
  reschedule: () => obj({ timeWindow: timeWindow(), reason: optional(str({ max: LIMITS.reason }), '') }),
  propose_time: () => obj({ timeWindow: timeWindow(), reason: reason() }),
  accept_time: () => obj({}),
  refuse_time: () => obj({ reason: optional(str({ max: LIMITS.reason }), '') }),
  // 诉求 (core/grievance.ts): classified, routed, answered, joined and followed.
  classify: () => obj({ category: oneOf(GRIEVANCE_CATEGORIES), level: oneOf(GRIEVANCE_LEVELS) }),
  route: () =>
    obj({
      to: oneOf(['company', 'department', 'roundtable'] as const),
      departmentId: optional(id(), null),
      meetingId: optional(id(), null),
      note: optional(str({ max: LIMITS.reason }), ''),
    }),
  resolve: () => obj({ text: str({ min: 1, max: LIMITS.notes }), photos: optional(list(fileId(), LIMITS.photos), [] as string[]) }),
  unroute: () => obj({ reason: reason() }),
  me_too: () => obj({}),
  follow: () => obj({}),
  agenda_decide: () => obj({ decision: str({ min: 1, max: LIMITS.notes }), responsible: oneOf(PARTIES), dueAt: instant() }),
});

export type ActionType = keyof typeof ACTION_INPUTS;
export const ACTION_TYPES = Object.keys(ACTION_INPUTS) as ActionType[];
/** What the app sends as an action's input: fields with a default may be left out. */
export type ActionInputRequest<A extends ActionType> = InferInput<(typeof ACTION_INPUTS)[A]>;
export type ActionInput<A extends ActionType> = Infer<(typeof ACTION_INPUTS)[A]>;

/** A validated action, discriminated by type. */
export type OrderAction = { [A in ActionType]: { readonly type: A; readonly input: ActionInput<A> } }[ActionType];

/** Button labels in the app, in the domain's words. */
export const ACTION_LABELS: Readonly<Record<ActionType, string>> = {
  cancel: '取消工单',
  urge: '催单',
  confirm: '确认完成并评价',
  rework: '申请返工',
  complain: '投诉',
  dispatch: '派单',
  reassign: '转单',
  refuse: '退单',
  accept: '接单',
  grab: '抢单',
  decline: '退回',
  start: '开始服务',
  complete: '完工上报',
  instruct: '督办',
  reopen: '重新打开',
  reply: '回复督办',
  answer: '答复投诉',
  revisit: '回访',
  reschedule: '改约',
  propose_time: '提议改期',
  accept_time: '同意改期',
  refuse_time: '维持原约',
  classify: '分类定级',
  route: '转办',
  resolve: '录入办理结果',
  unroute: '退回重新分派',
  me_too: '我也遇到',
  follow: '关注',
  agenda_decide: '记录会议决定',
};
