import type { Role } from '@core';

/** Where each role starts. Admin work happens outside this app. */
export const ROLE_HOME: Readonly<Partial<Record<Role, string>>> = {
  resident: '/resident/pages/home/index',
  dispatcher: '/dispatcher/pages/inbox/index',
  worker: '/worker/pages/tasks/index',
  supervisor: '/supervisor/pages/board/index',
};

const DETAIL: Readonly<Partial<Record<Role, string>>> = {
  resident: '/resident/pages/order/index',
  dispatcher: '/dispatcher/pages/order/index',
  worker: '/worker/pages/order/index',
  supervisor: '/supervisor/pages/order/index',
};

export const START = '/pages/index/index';
export const orderUrl = (role: Role, orderId: string): string => `${DETAIL[role] ?? START}?id=${encodeURIComponent(orderId)}`;
export const RESIDENT_CREATE = '/resident/pages/create/index';
export const RESIDENT_ORDERS = '/resident/pages/orders/index';
