/** The five roles of the loop and the grid's 楼栋党小组长; one person may hold several. */
export const ROLES = ['resident', 'dispatcher', 'worker', 'supervisor', 'admin', 'group_leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  resident: '居民',
  dispatcher: '物业调度',
  worker: '服务队员',
  supervisor: '督单员',
  admin: '社区管理员',
  group_leader: '楼栋党小组长',
};
