/** Who an effect is addressed to; the function resolves it to people when it carries it out. */
export type Recipient =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamId: string }
  // A company may serve several communities: its dispatchers in one must not read another's orders.
  | { readonly kind: 'company'; readonly companyId: string; readonly communityId: string }
  | { readonly kind: 'supervisors'; readonly communityId: string };

/** A side effect the core asks for and the runtime carries out (store it, push it). */
export interface Notify {
  readonly type: 'notify';
  readonly to: Recipient;
  readonly orderId: string;
  readonly text: string;
}

export type Effect = Notify;

export const notify = (to: Recipient, orderId: string, text: string): Notify => ({ type: 'notify', to, orderId, text });

/**
 * What a notification is about: the service and the place (compound and building, never the door
 * or a person: docs/privacy.md), so a worker with several jobs knows which one it means.
 */
export const notificationAbout = (o: {
  readonly serviceName: string;
  readonly address: { readonly compoundName: string; readonly buildingName: string };
}): string => `${o.serviceName} · ${o.address.compoundName}${o.address.buildingName}`;
