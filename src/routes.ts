import type { Role } from '@core';

/** Where each role starts. */
export const ROLE_HOME: Readonly<Partial<Record<Role, string>>> = {
  resident: '/resident/pages/home/index',
  dispatcher: '/dispatcher/pages/inbox/index',
  worker: '/worker/pages/tasks/index',
  supervisor: '/supervisor/pages/board/index',
  admin: '/admin/pages/settings/index',
  group_leader: '/admin/pages/grid/index',
};

/** 督单 statistics and the monthly 考核 (supervisors; the admin reads the 考核 too). */
export const SUPERVISOR_STATS = '/supervisor/pages/stats/index';
export const ASSESSMENT = '/supervisor/pages/assessment/index';
/** 志愿服务时长: the supervisor's monthly record of volunteers' hours (在职党员报到). */
export const VOLUNTEER_HOURS = '/supervisor/pages/volunteers/index';
/** The public 晾晒 board: no login. */
export const PUBLIC_BOARD = '/board/pages/index/index';

const DETAIL: Readonly<Partial<Record<Role, string>>> = {
  resident: '/resident/pages/order/index',
  dispatcher: '/dispatcher/pages/order/index',
  worker: '/worker/pages/order/index',
  supervisor: '/supervisor/pages/order/index',
  group_leader: '/admin/pages/grid-order/index',
};

export const START = '/pages/index/index';
/** 加入社区: applications and invitation codes, for people the community does not know yet. */
export const JOIN = '/join/pages/index/index';
/** The admin's members, applications, invitations and audit log. */
export const ADMIN_MEMBERS = '/admin/pages/members/index';
/** 党建网格: buildings, households and their paired party members (admin, 楼栋党小组长). */
export const PARTY_GRID = '/admin/pages/grid/index';
/** 本楼栋工单: the orders of the buildings a 楼栋党小组长 leads, exceptions first. */
export const GRID_ORDERS = '/admin/pages/grid-orders/index';
/** 社区管理: compounds, buildings, households, residents, teams, workers, catalogue, companies, the sheet. */
export const ADMIN_COMMUNITY = '/admin/pages/community/index';
export const orderUrl = (role: Role, orderId: string): string => `${DETAIL[role] ?? START}?id=${encodeURIComponent(orderId)}`;
export const RESIDENT_CREATE = '/resident/pages/create/index';
export const RESIDENT_ORDERS = '/resident/pages/orders/index';
/** 消息: a role's inbox, messages grouped per order (all roles share the page). */
export const inboxUrl = (role: Role): string => `/inbox/pages/index/index?role=${role}`;
/** 诉求: raise one, and the compound's board (我也遇到, 关注). */
export const RESIDENT_GRIEVANCE = '/resident/pages/grievance/index';
export const RESIDENT_GRIEVANCES = '/resident/pages/grievances/index';
/** The supervisor's 圆桌会议 and the admin's directory of outside departments. */
export const SUPERVISOR_MEETINGS = '/supervisor/pages/meetings/index';
export const ADMIN_DEPARTMENTS = '/admin/pages/departments/index';
