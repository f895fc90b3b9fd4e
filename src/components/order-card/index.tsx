import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, orderFlags, orderNumberOf, waitingSince, type OrderView } from '@core';
import { clockText } from '@/components/deadline/deadline-text';
import { StateTag } from '@/components/state-tag';
import { dateTime, waitingText, windowText } from '@/components/format';
import { FLAG_TEXT } from './flag-text';
import './index.scss';

interface Props {
  readonly order: OrderView;
  readonly onOpen: (order: OrderView) => void;
  /**
   * For staff (dispatcher, supervisor, worker): the running deadline, badges for what went wrong,
   * and how long the order has waited in its current stage. Residents see none of these terms.
   */
  readonly forStaff?: boolean;
  readonly now?: number;
  /** The household's own list: no "居民已催单" about themselves. */
  readonly forResident?: boolean;
  readonly children?: ReactNode;
}

/** One order in a list: what, where, when, its state. Tapping opens it. */
export function OrderCard({ order, onOpen, forStaff, now = Date.now(), children }: Props) {
  const { address } = order;
  const flags = forStaff ? orderFlags(order) : [];
  const deadline = forStaff && order.clock ? clockText(order.clock, now, order.waiting !== null) : null;
  const since = forStaff ? waitingSince(order) : null;
  return (
    <View className="order-card" onClick={() => onOpen(order)}>
      <View className="row-between">
        <Text className="order-card-title">{order.serviceName}</Text>
        <StateTag state={order.state} />
      </View>
      {flags.length > 0 ? (
        <View className="order-card-flags">
          {flags.map((f) => (
            <Text key={f} className={`order-flag flag-${f}`}>
              {FLAG_TEXT[f](order)}
            </Text>
          ))}
        </View>
      ) : null}
      {deadline ? <Text className={deadline.late ? 'order-card-deadline late' : 'order-card-deadline'}>{deadline.text}</Text> : null}
      <Text className="order-card-desc">{order.description}</Text>
      <View className="order-card-meta">
        <Text className="muted">
          {orderNumberOf(order)} · {CATEGORY_LABELS[order.category]} · {address.compoundName}
          {address.buildingName}
          {address.door}
        </Text>
        {/* A 诉求 books no visit: its window is only the moment it was raised. */}
        {order.grievance ? null : <Text className="muted">预约：{windowText(order.timeWindow, now)}</Text>}
        {since !== null ? (
          <Text className="order-card-waiting">{waitingText(since, now)}</Text>
        ) : (
          <Text className="muted">下单：{dateTime(order.createdAt, now)}</Text>
        )}
      </View>
      {children ? (
        <View className="order-card-actions" onClick={(e) => e.stopPropagation()}>
          {children}
        </View>
      ) : null}
    </View>
  );
}
