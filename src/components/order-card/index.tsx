import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, isTerminal, orderNumberOf, type OrderView } from '@core';
import { StateTag } from '@/components/state-tag';
import { dateTime, waitingText, windowText } from '@/components/format';
import './index.scss';

interface Props {
  readonly order: OrderView;
  readonly onOpen: (order: OrderView) => void;
  /** Show how long the resident has been waiting (dispatcher, supervisor). */
  readonly showWaiting?: boolean;
  readonly now?: number;
  /** The household's own list: no "居民已催单" about themselves. */
  readonly forResident?: boolean;
  readonly children?: ReactNode;
}

/** One order in a list: what, where, when, its state. Tapping opens it. */
export function OrderCard({ order, onOpen, showWaiting, forResident, now = Date.now(), children }: Props) {
  const { address } = order;
  return (
    <View className="order-card" onClick={() => onOpen(order)}>
      <View className="row-between">
        <Text className="order-card-title">{order.serviceName}</Text>
        <StateTag state={order.state} />
      </View>
      <Text className="order-card-desc">{order.description}</Text>
      <View className="order-card-meta">
        <Text className="muted">
          {orderNumberOf(order)} · {CATEGORY_LABELS[order.category]} · {address.compoundName}
          {address.buildingName}
          {address.door}
        </Text>
        <Text className="muted">预约：{windowText(order.timeWindow, now)}</Text>
        {showWaiting && !isTerminal(order.state) ? (
          <Text className="order-card-waiting">{waitingText(order.createdAt, now)}</Text>
        ) : (
          <Text className="muted">下单：{dateTime(order.createdAt, now)}</Text>
        )}
        {order.urgeCount > 0 && !forResident && !isTerminal(order.state) ? <Text className="order-card-flag">居民已催单 {order.urgeCount} 次</Text> : null}
      </View>
      {children ? (
        <View className="order-card-actions" onClick={(e) => e.stopPropagation()}>
          {children}
        </View>
      ) : null}
    </View>
  );
}
