import { useRouter } from '@tarojs/taro';
import { OrderDetailScreen } from '@/components/order-detail';

/** Any order of the community: 督办, reopen, 回访. */
export default function SupervisorOrder() {
  const { params } = useRouter();
  return <OrderDetailScreen role="supervisor" orderId={params.id ?? ''} />;
}
