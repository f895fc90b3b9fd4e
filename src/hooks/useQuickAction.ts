import { useRef, useState } from 'react';
import { ACTION_LABELS, type ActionType, type OrderView, type Role } from '@core';
import { actOnOrder, askToSubscribeFor, asApiError, RequestIds } from '@/api';
import { successText } from './action-texts';
import { confirmAction, notice, showFailure, toastOk } from './feedback';
import { publishOrder } from './order-bus';

/**
 * An input-free action pressed on a list card (抢单 in the pool). Asks first, sends, and keeps the
 * list honest: an order someone else took is dropped with a plain explanation.
 */
export function useQuickAction(role: Role, question: string) {
  const [busy, setBusy] = useState<string | null>(null);
  const ids = useRef(new RequestIds());

  const run = async (order: OrderView, action: ActionType): Promise<OrderView | null> => {
    if (busy) return null;
    if (!(await confirmAction(`${ACTION_LABELS[action]}？`, question, ACTION_LABELS[action]))) return null;
    // Right after the confirming tap: 抢单 asks WeChat for the messages that follow it.
    askToSubscribeFor(action);
    setBusy(order.id);
    try {
      const { order: next } = await actOnOrder(role, order, action, {}, ids.current.for(`${order.id}|${action}|${order.version}`));
      ids.current.settle();
      publishOrder({ kind: 'updated', order: next });
      toastOk(successText(action));
      return next;
    } catch (e) {
      const failure = asApiError(e);
      if (!failure.retryable) ids.current.settle();
      if (failure.code === 'ORDER.ALREADY_TAKEN' || failure.code === 'ORDER.LEFT_POOL' || failure.code === 'ORDER.NOT_FOUND') {
        publishOrder({ kind: 'gone', orderId: order.id });
        await notice('没抢到', failure.message);
      } else {
        showFailure(failure);
      }
      return null;
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
