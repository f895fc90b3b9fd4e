import type { OrderView } from '@core';

/** News about one order, so that lists on other pages show what a detail page just did. */
export type OrderNews = { readonly kind: 'updated'; readonly order: OrderView } | { readonly kind: 'gone'; readonly orderId: string };

const listeners = new Set<(news: OrderNews) => void>();

export function publishOrder(news: OrderNews): void {
  for (const l of listeners) l(news);
}

export function subscribeOrders(listener: (news: OrderNews) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
