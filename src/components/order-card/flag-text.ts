import type { OrderFlag, OrderView } from '@core';

/** Each badge's words, on a card and in the console's table; urged also says how often. */
export const FLAG_TEXT: { readonly [F in OrderFlag]: (o: OrderView) => string } = {
  overdue: () => '已超时',
  escalated: () => '已升级督单',
  urged: (o) => `催单${o.urgeCount}次`,
  complained: () => '有投诉',
  pressed: () => '督办待回复',
};
