import { DEMO_DATA } from '../demo-data';

/**
 * The demo month's data: who orders for which household, who dispatches and supervises, how the
 * residents use each service (when they order it, for when, how long the work takes, in their own
 * words) and what they say when they rate it. The stories (stories.ts) draw from it; nothing here
 * knows the lifecycle.
 */

/** Who orders for each household: 张秀兰 for herself and, 代办, for her neighbour 王德福. */
export const RESIDENT_OF: Readonly<Record<string, string>> = {
  'h-yg-a': 'demo-resident',
  'h-yg-b': 'demo-resident',
  'h-hp-a': 'demo-resident-2',
  'h-hp-b': 'demo-worker-3',
};
export const DISPATCHER = 'demo-dispatcher';
export const SUPERVISOR = 'demo-supervisor';

/** How often each member is the one who takes an order their team offers: the volunteer less often. */
export const TAKES_ORDERS: Readonly<Record<string, number>> = { 'demo-worker': 3, 'demo-worker-2': 3, 'demo-worker-3': 1 };

/** The team that serves a service: the one whose categories include the service's. */
export function teamOf(serviceId: string): string {
  const category = DEMO_DATA.serviceItems.find((s) => s.id === serviceId)?.category;
  const team = DEMO_DATA.teams.find((t) => category !== undefined && t.categories.includes(category));
  if (!team) throw new Error(`demo month: no team serves ${serviceId}`);
  return team.id;
}

/** How residents use one service: when they book it, for when, how long the work takes, in their words. */
export interface ServicePlan {
  /** How often it is ordered, relative to the others. */
  readonly weight: number;
  readonly households: readonly string[];
  /** China-time hours between which it is ordered. */
  readonly placedHours: readonly [number, number];
  /** Hours from ordering to the start of the booked window (0: right away); past 18:00 it moves to the next morning. */
  readonly leadHours: readonly [number, number];
  readonly windowHours: number;
  /** Minutes of work on site. */
  readonly workMinutes: readonly [number, number];
  readonly texts: readonly string[];
  readonly notes: readonly string[];
}

export const PLANS: Readonly<Record<string, ServicePlan>> = {
  's-repair-urgent': {
    weight: 3,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a', 'h-hp-b'],
    placedHours: [7, 21],
    leadHours: [0, 0],
    windowHours: 2,
    workMinutes: [30, 110],
    texts: ['厨房水龙头漏水，关不紧', '卫生间跳闸，一开热水器就断电', '马桶进水阀坏了，一直流水', '客厅插座冒火花，已经拉了闸', '洗衣机下水管接头漏水'],
    notes: [
      '更换水龙头阀芯，已试水不漏',
      '更换漏电保护开关，线路绝缘已检测',
      '更换马桶进水阀，已试冲三次',
      '更换烧坏的插座并紧固接线，已通电测试',
      '重新固定下水管接头并缠生料带，已试机',
    ],
  },
  's-repair': {
    weight: 3,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a', 'h-hp-b'],
    placedHours: [8, 18],
    leadHours: [3, 6],
    windowHours: 2,
    workMinutes: [40, 110],
    texts: ['卧室门锁卡住，钥匙拧不动', '厨房吊柜门合页脱落', '阳台推拉窗关不严，漏风', '餐椅腿松了，坐着晃', '防盗门把手松动'],
    notes: ['更换锁芯并调整锁舌，已反复试开', '更换合页两只，柜门已调平', '更换窗户密封条，调整滑轮', '重新打胶加固椅腿', '紧固把手螺丝并加垫片'],
  },
  's-cleaning': {
    weight: 2,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a', 'h-hp-b'],
    placedHours: [8, 17],
    leadHours: [3, 6],
    windowHours: 2,
    workMinutes: [100, 125],
    texts: ['厨房油烟机和灶台清洁', '卫生间深度清洁，瓷砖缝发黑', '老人家里全屋保洁，地面要拖干净', '换季擦窗户，客厅和卧室'],
    notes: ['油烟机拆洗、灶台除油，垃圾已带走', '卫生间除垢、瓷砖缝清洁，地面已拖干', '全屋除尘拖地，床品已整理', '擦洗窗户六扇及窗槽'],
  },
  's-errand': {
    weight: 2,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a'],
    placedHours: [8, 17],
    leadHours: [1, 4],
    windowHours: 3,
    workMinutes: [30, 80],
    texts: ['帮忙去药店买降压药，处方在家里', '代缴这个月的水电费', '代买一袋大米和一桶油，送到家', '帮忙取一下快递柜里的包裹'],
    notes: ['药品已送到，小票交给老人', '水电费已缴清，凭条已交给居民', '大米和油已送到厨房', '包裹已取回，居民当面签收'],
  },
  's-meal': {
    weight: 3,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a'],
    placedHours: [8, 9],
    leadHours: [2, 3],
    windowHours: 1,
    workMinutes: [15, 35],
    texts: ['送一份午餐，少盐少油', '给王大爷送一份午餐，饭要软一些', '两份午餐，一份不要辣'],
    notes: ['午餐已送到，餐盒已回收', '已送餐到家，老人当面签收', '两份午餐已送达，提醒趁热吃'],
  },
  's-homecare': {
    weight: 2,
    households: ['h-yg-a', 'h-yg-b', 'h-hp-a'],
    placedHours: [8, 12],
    leadHours: [2, 5],
    windowHours: 2,
    workMinutes: [90, 120],
    texts: ['上门助浴，老人腿脚不便', '上门帮忙打扫卧室、换洗床单', '老人术后需要上门翻身擦洗'],
    notes: ['已协助老人洗浴、更换衣物，皮肤无破损', '卧室已清扫，床单被罩已换洗晾好', '已翻身擦洗，提醒家属每两小时翻身'],
  },
  's-daycare': {
    weight: 1,
    households: ['h-yg-a', 'h-yg-b'],
    placedHours: [7, 7],
    leadHours: [1, 2],
    windowHours: 8,
    workMinutes: [420, 480],
    texts: ['今天去日间照料中心，下午五点前接回', '白天家里没人，送老人去日托'],
    notes: ['老人在中心午餐、午休，下午参加了书法活动，已送回家', '全天照料顺利，血压正常，已送回家'],
  },
  's-companion': {
    weight: 1,
    households: ['h-yg-b', 'h-hp-a'],
    placedHours: [7, 8],
    leadHours: [1, 2],
    windowHours: 4,
    workMinutes: [150, 230],
    texts: ['去区医院复查，需要有人陪同挂号取药', '陪老人去社区医院打针'],
    notes: ['陪同挂号、就诊、取药，已送老人回家', '已陪同打针并观察半小时，送回家中'],
  },
};

export const GOOD_COMMENTS = ['师傅很细心', '准时上门，干活利索', '态度好，收拾得很干净', '很满意，价格也实惠', '老人很满意，谢谢', ''];
export const POOR_COMMENTS = ['来得太晚了，等了很久', '活干得马虎，没收拾干净', '修完没多久又出问题'];
