import type { Building, Community, Compound, Department, Household, PaymentMode, PropertyCompany, ServiceItem, ServiceTeam, StageDeadlines, User } from '@core';
import type { ReferenceTypes } from '../storage/port';

/** Default clocks in minutes, from the norms in domain.md: accept online requests within 2 h, minor repairs within 3 days. */
const ORDINARY: StageDeadlines = { dispatch: 120, accept: 60, start: 24 * 60, complete: 3 * 24 * 60, confirm: 3 * 24 * 60 };
/** 急修不过夜, 急修半小时内到达. */
const URGENT: StageDeadlines = { dispatch: 15, accept: 15, start: 30, complete: 4 * 60, confirm: 3 * 24 * 60 };
const CARE: StageDeadlines = { dispatch: 60, accept: 60, start: 12 * 60, complete: 24 * 60, confirm: 2 * 24 * 60 };

const C = 'c-xingfuli';
const communities: Community[] = [
  {
    id: C,
    name: '幸福里社区',
    secretaryUserId: 'demo-supervisor',
    settings: { defaultDeadlines: ORDINARY, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: 120 },
  },
];
const companies: PropertyCompany[] = [{ id: 'pc-hongxin', name: '红心物业服务有限公司', phone: '0825-2345678' }];
const compounds: Compound[] = [
  { id: 'cp-yangguang', communityId: C, name: '阳光小区', companyId: 'pc-hongxin' },
  { id: 'cp-heping', communityId: C, name: '和平小区', companyId: 'pc-hongxin' },
];
const buildings: Building[] = [
  { id: 'b-yg-1', compoundId: 'cp-yangguang', name: '1号楼' },
  { id: 'b-yg-2', compoundId: 'cp-yangguang', name: '2号楼' },
  { id: 'b-hp-5', compoundId: 'cp-heping', name: '5号楼' },
];
const households: Household[] = [
  { id: 'h-yg-a', communityId: C, compoundId: 'cp-yangguang', buildingId: 'b-yg-1', door: '2单元301', contactName: '张秀兰', contactPhone: '13800001111' },
  { id: 'h-yg-b', communityId: C, compoundId: 'cp-yangguang', buildingId: 'b-yg-2', door: '1单元102', contactName: '王德福', contactPhone: '13800002222' },
  { id: 'h-hp-a', communityId: C, compoundId: 'cp-heping', buildingId: 'b-hp-5', door: '3单元601', contactName: '李建国', contactPhone: '13800003333' },
  { id: 'h-hp-b', communityId: C, compoundId: 'cp-heping', buildingId: 'b-hp-5', door: '1单元202', contactName: '孙志远', contactPhone: '13800004444' },
];

const person = (id: string, name: string, phone: string, roles: User['roles'], extra: Partial<User> = {}): User => ({
  id,
  openid: `openid-${id}`,
  communityId: C,
  name,
  phone,
  roles,
  householdIds: [],
  companyId: null,
  onDuty: true,
  maxOpenOrders: 5,
  ...extra,
});

const users: User[] = [
  // An elderly resident who also has her neighbour 王德福 paired with her household (代办).
  person('demo-resident', '张秀兰', '13800001111', ['resident'], { householdIds: ['h-yg-a', 'h-yg-b'] }),
  person('demo-resident-2', '李建国', '13800003333', ['resident'], { householdIds: ['h-hp-a'] }),
  person('demo-dispatcher', '陈红', '13900000001', ['dispatcher'], { companyId: 'pc-hongxin' }),
  person('demo-worker', '刘师傅', '13900000002', ['worker'], { maxOpenOrders: 5 }),
  person('demo-worker-2', '赵阿姨', '13900000003', ['worker'], { maxOpenOrders: 3 }),
  // A party-member volunteer: worker in both teams and a resident himself.
  person('demo-worker-3', '孙志远', '13800004444', ['worker', 'resident'], { householdIds: ['h-hp-b'], maxOpenOrders: 2 }),
  person('demo-supervisor', '周书记', '13900000004', ['supervisor']),
  person('demo-admin', '吴敏', '13900000005', ['admin']),
  // 楼栋党小组长 of 阳光小区 1号楼 and 2号楼, and the 党员中心户 paired with 王德福 (结对认亲), who has no phone
  // of his own; a resident too, so he can order for the households he looks after (代下单).
  person('demo-leader', '高建华', '13900000006', ['resident', 'group_leader'], { leads: ['b-yg-1', 'b-yg-2'], caresFor: ['h-yg-b'] }),
];

const teams: ServiceTeam[] = [
  {
    id: 't-general',
    communityId: C,
    companyId: 'pc-hongxin',
    name: '综合维修服务队',
    categories: ['repair', 'cleaning', 'other'],
    memberIds: ['demo-worker', 'demo-worker-3'],
  },
  {
    id: 't-elder',
    communityId: C,
    companyId: 'pc-hongxin',
    name: '为老服务队',
    categories: ['daycare', 'homecare', 'meal', 'companion'],
    memberIds: ['demo-worker-2', 'demo-worker-3'],
  },
];

const item = (
  id: string,
  name: string,
  category: ServiceItem['category'],
  red: number,
  market: number,
  unit: string,
  description: string,
  deadlines: StageDeadlines | null = null,
  payment: PaymentMode = 'at_door',
): ServiceItem => ({
  id,
  communityId: C,
  name,
  category,
  description,
  redPriceFen: red,
  marketPriceFen: market,
  unit,
  deadlines,
  active: true,
  payment,
});

const serviceItems: ServiceItem[] = [
  item('s-daycare', '老年日间照料', 'daycare', 3000, 8000, '天', '社区日间照料中心，含午餐、午休和文娱活动', CARE, 'subsidised'),
  item('s-homecare', '上门照料', 'homecare', 4000, 12000, '次', '上门助浴、助洁、翻身护理等，每次2小时', CARE, 'subsidised'),
  item('s-meal', '爱心午餐送餐', 'meal', 1200, 2500, '餐', '两荤一素一汤，少盐少油，送餐到家', CARE, 'subsidised'),
  item('s-companion', '就医陪护', 'companion', 5000, 15000, '半天', '陪同挂号、就诊、取药，接送到家', CARE),
  item('s-repair-urgent', '水电急修', 'repair', 2000, 6000, '次', '停水停电、漏水、跳闸等紧急维修，半小时内到场', URGENT),
  item('s-repair', '门窗家具维修', 'repair', 3000, 8000, '次', '门锁、窗户、柜门、桌椅等小修'),
  item('s-cleaning', '家庭保洁', 'cleaning', 4000, 10000, '2小时', '厨房、卫生间、地面清洁'),
  item('s-errand', '代买代办', 'other', 500, 2000, '次', '代买药品、生活用品，代缴费用'),
];

/** The outside departments 诉求 are routed to (seed 002: 派单 to the responsible department). */
const department = (id: string, name: string, contact: string, phone: string): Department => ({ id, communityId: C, name, contact, phone, active: true });
const departments: Department[] = [
  department('d-street', '船山区街道办城建科', '王科长', '0825-2220001'),
  department('d-chengguan', '城管执法中队', '李队长', '0825-2220002'),
  department('d-water', '供水公司客服中心', '值班调度', '96116'),
  department('d-power', '供电所', '值班电工', '95598'),
  department('d-police', '城南派出所', '社区民警', '0825-2220110'),
];

/** The demo community: every role, two compounds, two teams, the services of the seeds. */
export const DEMO_DATA: { readonly [K in keyof ReferenceTypes]: readonly ReferenceTypes[K][] } = {
  communities,
  companies,
  compounds,
  buildings,
  households,
  teams,
  users,
  serviceItems,
  assessments: [],
  applications: [],
  invitations: [],
  auditEntries: [],
  departments,
  meetings: [],
};

export const DEMO_USER_IDS = users.map((u) => u.id);
