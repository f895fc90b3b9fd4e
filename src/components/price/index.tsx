import { Text, View } from '@tarojs/components';
import { PAYMENT_LABELS, type PaymentMode } from '@core';
import { yuan } from '@/components/format';
import './index.scss';

/** The red price, large, beside the struck-through market price, and how it is paid when known. */
export function Price({
  redFen,
  marketFen,
  unit,
  payment,
}: {
  readonly redFen: number;
  readonly marketFen: number;
  readonly unit: string;
  readonly payment?: PaymentMode;
}) {
  return (
    <View className="price">
      <Text className="price-red">
        {yuan(redFen)}
        <Text className="price-unit">/{unit}</Text>
      </Text>
      {marketFen > redFen ? <Text className="price-market">市场价 {yuan(marketFen)}</Text> : null}
      {payment ? <Text className="price-payment">{PAYMENT_LABELS[payment]}</Text> : null}
    </View>
  );
}
