import { Text, View } from '@tarojs/components';
import { yuan } from '@/components/format';
import './index.scss';

/** The red price, large, beside the struck-through market price. */
export function Price({ redFen, marketFen, unit }: { readonly redFen: number; readonly marketFen: number; readonly unit: string }) {
  return (
    <View className="price">
      <Text className="price-red">
        {yuan(redFen)}
        <Text className="price-unit">/{unit}</Text>
      </Text>
      {marketFen > redFen ? <Text className="price-market">市场价 {yuan(marketFen)}</Text> : null}
    </View>
  );
}
