import { useRouter } from '@tarojs/taro';
import { OrderDetailScreen } from '@/components/order-detail';

/** A task or a pool order: accept or grab, decline, start, complete. */
export default function WorkerOrder() {
  const { params } = useRouter();
  return <OrderDetailScreen role="worker" orderId={params.id ?? ''} />;
}
