import { useRouter } from '@tarojs/taro';
import { OrderDetailScreen } from '@/components/order-detail';

/** An order of the company: dispatch, reassign or refuse it. */
export default function DispatcherOrder() {
  const { params } = useRouter();
  return <OrderDetailScreen role="dispatcher" orderId={params.id ?? ''} />;
}
