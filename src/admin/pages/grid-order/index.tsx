import { useRouter } from '@tarojs/taro';
import { OrderDetailScreen } from '@/components/order-detail';

/** One order of the group leader's buildings: read and followed, acted on by nobody in this role. */
export default function GridOrder() {
  const { params } = useRouter();
  return <OrderDetailScreen role="group_leader" orderId={params.id ?? ''} />;
}
