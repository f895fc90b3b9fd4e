/*
 * docs/privacy.md, copied by hand into data: who sees what of 张秀兰's order (阳光小区 1号楼 2单元301,
 * 13800001111) in every state. Written from the document, never imported from core/privacy.ts, so a
 * change to the core that the document does not make fails privacy-by-role.test.ts.
 */

/** Days after an order ends during which its worker and the dispatchers keep the contact (docs/privacy.md). */
export const RETENTION_DAYS = 3;

/** What the viewer gets of one contact field. */
export type Cell = 'full' | 'masked' | 'nothing';

/** The literal values each cell stands for. */
export const CONTACT = {
  name: { full: '张秀兰', masked: '张**', nothing: '' },
  phone: { full: '13800001111', masked: '138****1111', nothing: '' },
  door: { full: '2单元301', masked: '', nothing: '' },
} as const satisfies Record<string, Record<Cell, string>>;

/** What one viewer sees of the order; null when they do not read it at all (404, absent from lists). */
export interface Sight {
  readonly name: Cell;
  readonly phone: Cell;
  readonly door: Cell;
  /** 阳光小区 1号楼. */
  readonly building: boolean;
  readonly description: boolean;
  readonly photos: boolean;
  /** The completion report, where one exists. */
  readonly completion: boolean;
  /** The rating and its comment, where one exists. */
  readonly rating: boolean;
}

const WORK = { building: true, description: true, photos: true, completion: true, rating: true } as const;
/** 本户居民; 物业调度 and 承接队员 while open or ended within RETENTION_DAYS. */
const EVERYTHING: Sight = { name: 'full', phone: 'full', door: 'full', ...WORK };
/** 督单员: a name and a number for 回访, no door. */
const CALL_BACK: Sight = { name: 'full', phone: 'full', door: 'nothing', ...WORK };
/** 抢单池队员; 物业调度 and 承接队员 after RETENTION_DAYS: the job and the building, not the person. */
const JOB_ONLY: Sight = { name: 'masked', phone: 'masked', door: 'nothing', ...WORK };
const NO_ORDER = null;

/** The demo people who play each viewer: a 为老服务队 order (上门照料), offered to 赵阿姨. */
export const VIEWERS = {
  household: { user: 'demo-resident', role: 'resident' },
  dispatcher: { user: 'demo-dispatcher', role: 'dispatcher' },
  /** 高建华: 楼栋党小组长 of 阳光小区 1号楼, where the household lives. */
  groupLeader: { user: 'demo-leader', role: 'group_leader' },
  /** 赵阿姨: offered the order by name, or the one who grabs it. */
  assignee: { user: 'demo-worker-2', role: 'worker' },
  /** 孙志远: her teammate in 为老服务队, so in the pool with her. */
  teammate: { user: 'demo-worker-3', role: 'worker' },
  /** 刘师傅: 综合维修服务队 only. */
  otherTeam: { user: 'demo-worker', role: 'worker' },
  supervisor: { user: 'demo-supervisor', role: 'supervisor' },
  admin: { user: 'demo-admin', role: 'admin' },
} as const;
export type Viewer = keyof typeof VIEWERS;

/** How the order reached the state of a row, through the real handlers. */
export type Path = 'placed' | 'pooled' | 'offered' | 'grabbed' | 'started' | 'completed' | 'closed' | 'cancelled' | 'refused' | 'reopened';

export interface Row {
  readonly state: string;
  readonly path: Path;
  /** Time after the order ended, in days (the rows about retention). */
  readonly endedDaysAgo?: number;
  readonly sees: { readonly [V in Viewer]: Sight | null };
}

const JUST_INSIDE = RETENTION_DAYS - 1 / (24 * 60);
const JUST_PAST = RETENTION_DAYS + 1 / (24 * 60);

export const PRIVACY_TABLE: readonly Row[] = [
  {
    state: '待派单',
    path: 'placed',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: NO_ORDER,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '待接单 · 在为老服务队的抢单池',
    path: 'pooled',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: JOB_ONLY,
      teammate: JOB_ONLY,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '待接单 · 指派给赵阿姨',
    path: 'offered',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: EVERYTHING,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已接单 · 赵阿姨抢到',
    path: 'grabbed',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: EVERYTHING,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '服务中',
    path: 'started',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: EVERYTHING,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '待确认',
    path: 'completed',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: EVERYTHING,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已办结 · 不到3天',
    path: 'closed',
    endedDaysAgo: JUST_INSIDE,
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: EVERYTHING,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已办结 · 3天后',
    path: 'closed',
    endedDaysAgo: JUST_PAST,
    sees: {
      household: EVERYTHING,
      dispatcher: JOB_ONLY,
      groupLeader: JOB_ONLY,
      assignee: JOB_ONLY,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已取消（接单后） · 不到3天',
    path: 'cancelled',
    endedDaysAgo: JUST_INSIDE,
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: EVERYTHING,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已取消（接单后） · 3天后',
    path: 'cancelled',
    endedDaysAgo: JUST_PAST,
    sees: {
      household: EVERYTHING,
      dispatcher: JOB_ONLY,
      groupLeader: JOB_ONLY,
      assignee: JOB_ONLY,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已退回 · 不到3天',
    path: 'refused',
    endedDaysAgo: JUST_INSIDE,
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: NO_ORDER,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '已退回 · 3天后',
    path: 'refused',
    endedDaysAgo: JUST_PAST,
    sees: {
      household: EVERYTHING,
      dispatcher: JOB_ONLY,
      groupLeader: JOB_ONLY,
      assignee: NO_ORDER,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
  {
    state: '重新打开（办结后回到待派单）',
    path: 'reopened',
    sees: {
      household: EVERYTHING,
      dispatcher: EVERYTHING,
      groupLeader: EVERYTHING,
      assignee: NO_ORDER,
      teammate: NO_ORDER,
      otherTeam: NO_ORDER,
      supervisor: CALL_BACK,
      admin: NO_ORDER,
    },
  },
];

/**
 * docs/privacy.md, "The worker's contact": what 张秀兰 (the household) reads of 赵阿姨, the worker who
 * grabbed the order, at each point of its path. Nobody else gets `servedBy` at all.
 */
export const WORKER = { name: '赵阿姨', team: '为老服务队', phone: '13900000003' } as const;
export type WorkerSight = 'nothing' | 'name' | 'name and phone';
export const WORKER_SEEN_BY_HOUSEHOLD: { readonly [P in Path]: WorkerSight } = {
  placed: 'nothing',
  pooled: 'nothing',
  // Offered by name but not accepted yet: nobody is coming until someone accepts.
  offered: 'nothing',
  grabbed: 'name and phone',
  started: 'name and phone',
  completed: 'name and phone',
  closed: 'name',
  cancelled: 'nothing',
  refused: 'nothing',
  // Back to 待派单 with no worker: whoever comes next is not known yet.
  reopened: 'nothing',
};
