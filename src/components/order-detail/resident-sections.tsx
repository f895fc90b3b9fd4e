import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { paymentOf, progressLine, type HouseholdView, type OrderView, type PaymentMode, type ServiceItem } from '@core';
import { callPhone } from '@/api/device';
import { Button } from '@/components/nut/button';
import { RESIDENT_CREATE } from '@/routes';

/** The one line a resident reads first: who is doing what, by when (core/order-progress.ts). */
export function ProgressBanner({ order, now = Date.now() }: { readonly order: OrderView; readonly now?: number }) {
  const p = progressLine(order, now);
  return (
    <View className={`progress-banner progress-${p.tone}`}>
      <Text className="progress-text">{p.text}</Text>
    </View>
  );
}

/** How the service is paid, read from the catalogue entry the order was placed from (unknown if it left the catalogue). */
export function paymentFor(order: Pick<OrderView, 'serviceItemId'>, items: readonly ServiceItem[]): PaymentMode | undefined {
  const item = items.find((i) => i.id === order.serviceItemId);
  return item ? paymentOf(item) : undefined;
}

/** Who is coming: the worker's name and team, and a button to call them while the order is theirs. */
export function ServedBySection({ order }: { readonly order: OrderView }) {
  const s = order.servedBy;
  if (!s) return null;
  return (
    <View className="card served-by">
      <Text className="card-title">为您服务</Text>
      <View className="row-between">
        <View>
          <Text className="served-name">{s.name}</Text>
          {s.teamName ? <Text className="muted served-team">{s.teamName}</Text> : null}
        </View>
        {s.phone ? (
          <Button type="primary" size="small" onClick={() => callPhone(s.phone ?? '')}>
            打电话给师傅
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/** The property company's phone for the order's household (from the session). */
export function PropertyPhone({ order, households }: { readonly order: OrderView; readonly households: readonly HouseholdView[] }) {
  const property = households.find((h) => h.id === order.householdId)?.property ?? households[0]?.property ?? null;
  if (!property?.phone) return null;
  const phone = property.phone;
  return (
    <View className="detail-line">
      <Text className="detail-label">物业电话</Text>
      <Text className="detail-value">{phone}</Text>
      <Text className="link" onClick={() => callPhone(phone)}>
        打电话
      </Text>
    </View>
  );
}

/** The create page's address with the same service, household and contact filled in (再来一单). */
export function againUrl(order: Pick<OrderView, 'serviceItemId' | 'householdId' | 'contactName' | 'contactPhone'>): string {
  const q = {
    itemId: order.serviceItemId,
    householdId: order.householdId,
    contactName: order.contactName,
    contactPhone: order.contactPhone,
  };
  const query = Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${RESIDENT_CREATE}?${query}`;
}

/** 再来一单 on a finished order: meals and day care repeat. */
export function AgainButton({ order }: { readonly order: OrderView }) {
  if (order.state !== 'closed' && order.state !== 'cancelled') return null;
  return (
    <View className="again-row">
      <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: againUrl(order) })}>
        再来一单
      </Button>
    </View>
  );
}
