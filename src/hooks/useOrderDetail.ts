import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ActionInputRequest, ActionType, OrderEvent, OrderView, Role } from '@core';
import { actOnOrder, askToSubscribeFor, asApiError, getOrder, RequestIds, type ApiError } from '@/api';
import { isFormProblem, notice, showFailure, toastOk } from './feedback';
import { publishOrder } from './order-bus';
import { successText } from './action-texts';

export interface OrderDetailState {
  readonly order: OrderView | null;
  readonly events: readonly OrderEvent[];
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly busy: ActionType | null;
  /** Whether the timeline has events before the ones loaded (the server pages it, newest first). */
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  /** Loads the page of events before the oldest one shown. */
  readonly loadOlder: () => Promise<void>;
  readonly reload: () => Promise<void>;
  /**
   * Takes one action. Resolves to null on success, or to the error when the form should show it
   * (input problems); every other failure is shown here and also returned.
   */
  readonly act: (action: ActionType, input: Record<string, unknown>) => Promise<ApiError | null>;
}

interface Options {
  /**
   * The order left this caller's reach (taken by another, no longer in the pool, gone). A page goes
   * back by default; the console's detail pane beside a list closes itself instead.
   */
  readonly onGone?: () => void;
}

/** One order as a role sees it, with its timeline and the actions the server allows. */
export function useOrderDetail(role: Role, orderId: string, { onGone }: Options = {}): OrderDetailState {
  const [order, setOrder] = useState<OrderView | null>(null);
  const [events, setEvents] = useState<readonly OrderEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<ActionType | null>(null);
  const [older, setOlder] = useState<number | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const requestIds = useRef(new RequestIds());

  /** Shows the newest page of the timeline (older pages loaded before are dropped with it). */
  const showNewest = useCallback((reply: { order: OrderView; events: OrderEvent[]; older: number | null }) => {
    setOrder(reply.order);
    setEvents(reply.events);
    setOlder(reply.older);
  }, []);

  const reload = useCallback(async () => {
    setError(null);
    try {
      showNewest(await getOrder(role, orderId));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  }, [role, orderId, showNewest]);

  useEffect(() => {
    setLoading(true);
    void reload();
  }, [reload]);

  const loadOlder = useCallback(async () => {
    if (older === null || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const reply = await getOrder(role, orderId, older);
      // Keyed by seq: a page that overlaps what is shown (the order moved on meanwhile) adds nothing twice.
      setEvents((shown) => [...reply.events.filter((e) => !shown.some((s) => s.seq === e.seq)), ...shown]);
      setOlder(reply.older);
    } catch (e) {
      showFailure(asApiError(e));
    } finally {
      setLoadingOlder(false);
    }
  }, [role, orderId, older, loadingOlder]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: explain only shows a dialog; act changes with the order it acts on
  const act = useCallback(
    async <A extends ActionType>(action: A, input: ActionInputRequest<A>): Promise<ApiError | null> => {
      if (!order || busy) return null;
      // Still inside the tap: 接单, 派单 and 回复督办 ask WeChat for the messages that follow them.
      askToSubscribeFor(action);
      // The same press retried after a network failure reuses its request id.
      const requestId = requestIds.current.for(`${order.id}|${action}|${order.version}|${JSON.stringify(input)}`);
      setBusy(action);
      try {
        const reply = await actOnOrder(role, order, action, input, requestId);
        requestIds.current.settle();
        setOrder(reply.order);
        publishOrder({ kind: 'updated', order: reply.order });
        toastOk(successText(action));
        // The new state shows at once; the timeline follows.
        void getOrder(role, orderId)
          .then(showNewest)
          .catch(() => undefined);
        return null;
      } catch (e) {
        const failure = asApiError(e);
        if (!failure.retryable) requestIds.current.settle();
        await explain(failure, action);
        return failure;
      } finally {
        setBusy(null);
      }
    },
    [order, busy, role, orderId, showNewest],
  );

  /** Says what went wrong and brings the page back in line with the server. */
  async function explain(failure: ApiError, action: ActionType): Promise<void> {
    if (isFormProblem(failure)) return; // the form shows it next to the field
    switch (failure.code) {
      case 'ORDER.VERSION_CONFLICT':
        await reload();
        await notice('工单已更新', '刚才有人更新了这张工单，已为您刷新到最新状态，请看一看再操作。');
        return;
      case 'ORDER.TRANSITION_NOT_ALLOWED':
      case 'INSTRUCTION.NONE_AWAITING':
      case 'COMPLAINT.NONE_AWAITING':
        await reload();
        await notice('暂时不能这样操作', `${failure.message}。已为您刷新到最新状态。`);
        return;
      case 'ORDER.ALREADY_TAKEN':
      case 'ORDER.LEFT_POOL':
      case 'ORDER.NOT_FOUND':
        publishOrder({ kind: 'gone', orderId });
        await notice(action === 'grab' ? '没抢到' : '工单已不在', failure.message);
        if (onGone) onGone();
        else Taro.navigateBack().catch(() => undefined);
        return;
      default:
        showFailure(failure);
    }
  }

  return { order, events, loading, error, busy, hasOlder: older !== null, loadingOlder, loadOlder, reload, act };
}
