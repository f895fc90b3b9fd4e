import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ServiceItem } from '@core';
import { callPhone } from '@/api/device';
import { yuan } from '@/components/format';
import { useSession } from '@/hooks/useSession';
import { elderFromWechatFont } from '@/hooks/useElderMode';
import { RESIDENT_GRIEVANCES, RESIDENT_ORDERS } from '@/routes';

/** How many services the elder home shows before 更多服务: two columns, three rows, one screen. */
const FIRST_TILES = 6;

/** The ids in `popular` order, then any the ranking missed (an older server sends none). */
function byPopularity(items: readonly ServiceItem[], popular: readonly string[]): ServiceItem[] {
  const rank = new Map(popular.map((id, i) => [id, i]));
  return items
    .map((item, place) => ({ item, place }))
    .sort((a, b) => (rank.get(a.item.id) ?? popular.length + a.place) - (rank.get(b.item.id) ?? popular.length + b.place))
    .map((x) => x.item);
}

/**
 * 长辈模式's home: the most used services as large tiles (one tap opens a prefilled order), the
 * property's phone in one tap, 我的工单, and the way to tell the community anything else (小区诉求).
 * No filters, no scrolling lists.
 */
export function ElderHome({
  items,
  popular,
  onOrder,
}: {
  readonly items: readonly ServiceItem[];
  readonly popular: readonly string[];
  readonly onOrder: (item: ServiceItem) => void;
}) {
  const { session } = useSession();
  const [all, setAll] = useState(false);
  const ranked = byPopularity(items, popular);
  const shown = all ? ranked : ranked.slice(0, FIRST_TILES);
  const property = session?.property;
  return (
    <View className="elder-home">
      <Text className="elder-hello">{session ? `${session.user.name}，您好` : '您好'}</Text>
      {elderFromWechatFont ? <Text className="elder-why">您的微信字体较大，已为您打开长辈模式，可在上方关闭</Text> : null}
      {property ? (
        <View className="elder-call" onClick={() => callPhone(property.phone)}>
          <Text className="elder-call-title">一键呼叫物业</Text>
          <Text className="elder-call-phone">{property.name}</Text>
          <Text className="elder-call-phone">{property.phone}</Text>
        </View>
      ) : null}
      <Text className="elder-section">常用服务</Text>
      <View className="elder-tiles">
        {shown.map((item) => (
          <View key={item.id} className="elder-tile" onClick={() => onOrder(item)}>
            <Text className="elder-tile-name">{item.name}</Text>
            <Text className="elder-tile-price">
              {yuan(item.redPriceFen)}/{item.unit}
            </Text>
          </View>
        ))}
        {!all && ranked.length > FIRST_TILES ? (
          <View className="elder-tile elder-tile-more" onClick={() => setAll(true)}>
            <Text className="elder-tile-name">更多服务</Text>
          </View>
        ) : null}
      </View>
      <View className="elder-orders" onClick={() => void Taro.navigateTo({ url: RESIDENT_ORDERS })}>
        <Text>我的工单</Text>
      </View>
      {/* What the catalogue has no tile for (a broken lamp in the stairwell, a neighbour's noise) goes to the community. */}
      <View className="elder-orders elder-grievances" onClick={() => void Taro.navigateTo({ url: RESIDENT_GRIEVANCES })}>
        <Text>有别的事，告诉社区</Text>
      </View>
    </View>
  );
}
