import type { ActionInputRequest, ActionType, CreateOrderInput, OrderListFilter, OrderSort, OrderView, RequestOf, Role } from '@core';
import { call } from './client';
import { fromAppError, networkError } from './errors';
import { listDevOutbox, listDevUsers } from './transport';
import { rememberPhotoUrls } from './photo-urls';

export { ApiError, asApiError, NETWORK_MESSAGE } from './errors';
export { RequestIds, newRequestId } from './request-id';
export { photoUrl, uploadPhoto } from './client';
export * as storage from './storage';

/** Page size of every list. */
export const PAGE_SIZE = 20;

export const whoami = () => call('session', 'whoami', {});
export const listCatalog = () => call('catalog', 'list', {});
export const createOrder = (requestId: string, order: CreateOrderInput) => call('orders', 'create', { requestId, order });
export const listOrders = (role: Role, filter: OrderListFilter, cursor: string | null, limit = PAGE_SIZE, sort: OrderSort = 'recent') =>
  call('orders', 'list', { role, filter, cursor, limit, sort });
/** One order with the newest page of its timeline, or (with `before`) the page of events before that seq. */
export const getOrder = async (role: Role, orderId: string, before: number | null = null) => {
  const reply = await call('orders', 'get', before === null ? { role, orderId } : { role, orderId, before });
  rememberPhotoUrls(reply.photoUrls);
  return reply;
};
export const listTeams = (role: Role) => call('teams', 'list', { role });
export const listNotifications = (role: Role, limit = 30) => call('notifications', 'list', { role, limit });
export const getInbox = (role: Role) => call('notifications', 'inbox', { role });
export const getUnread = (role: Role) => call('notifications', 'unread', { role });
/** Marks one order's messages read, or all of them (null). */
export const markRead = (role: Role, orderId: string | null) => call('notifications', 'markRead', { role, orderId });
export const listSendings = (limit = 20) => call('notifications', 'sendings', { limit });
export { askToSubscribe, askToSubscribeFor } from './subscribe';

/** One action on an order, against the version the caller saw. */
export const actOnOrder = <A extends ActionType>(
  role: Role,
  order: Pick<OrderView, 'id' | 'version'>,
  action: A,
  input: ActionInputRequest<A>,
  requestId: string,
): Promise<{ order: OrderView }> =>
  // The compiler cannot follow a generic action into the contract's mapped types; the signature above is the check.
  call('orders', action as ActionType, { role, orderId: order.id, version: order.version, requestId, input } as RequestOf<'orders', ActionType>);

export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
}
/** H5 local mode: the demo users to pick from (empty in the mini-program). */
export async function demoUsers(): Promise<DemoUser[]> {
  const reply = await listDevUsers().catch(() => {
    throw networkError();
  });
  if (!reply.ok) throw fromAppError(reply.error);
  return reply.data.users;
}

export interface OutboxItem {
  readonly userId: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Readonly<Record<string, { readonly value: string }>>;
  readonly at: number;
}
/** H5 local mode: what the local server's simulated sender pushed (empty in the mini-program). */
export async function devOutbox(): Promise<OutboxItem[]> {
  const reply = await listDevOutbox().catch(() => {
    throw networkError();
  });
  if (!reply.ok) throw fromAppError(reply.error);
  return reply.data.items;
}

/** Whether this build talks to the local server as a picked demo user. */
export const isLocalMode = process.env.TARO_ENV === 'h5';
export * from './supervision';
export { saveFile } from './save-file';
export * from './membership';
export * from './manage';
export { pickSheetFile, type PickedFile } from './pick-file';
