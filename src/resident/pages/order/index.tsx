import { useRouter } from '@tarojs/taro';
import { OrderDetailScreen } from '@/components/order-detail';

/** One of my orders: progress, timeline, and what I can do (cancel, urge, confirm, rework, complain). */
export default function ResidentOrder() {
  const { params } = useRouter();
  return <OrderDetailScreen role="resident" orderId={params.id ?? ''} />;
}
