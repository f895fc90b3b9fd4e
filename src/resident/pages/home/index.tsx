import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type ServiceItem } from '@core';
import { Button } from '@/components/nut/button';
import { ListStatus } from '@/components/list-status';
import { Price } from '@/components/price';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useCatalog } from '@/hooks/useCatalog';
import { RESIDENT_CREATE, RESIDENT_ORDERS } from '@/routes';
import './index.scss';

const ALL = 'all';

/** 点单: the catalogue by category, red price beside market price. */
export default function ResidentHome() {
  const { items, loading, error, reload } = useCatalog();
  const [category, setCategory] = useState<string>(ALL);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  const active = items.filter((i) => i.active);
  const present = SERVICE_CATEGORIES.filter((c) => active.some((i) => i.category === c));
  const shown = present.filter((c) => category === ALL || c === category);
  const order = (item: ServiceItem) => void Taro.navigateTo({ url: `${RESIDENT_CREATE}?itemId=${encodeURIComponent(item.id)}` });

  return (
    <Screen>
      <RoleBar role="resident" />
      <Notices role="resident" />
      <View className="resident-top">
        <Text className="resident-hello">需要什么服务？</Text>
        <Button type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: RESIDENT_ORDERS })}>
          我的工单
        </Button>
      </View>
      {present.length > 1 ? (
        <View className="chips catalog-filter">
          {[ALL, ...present].map((c) => (
            <View key={c} className={`chip${c === category ? ' active' : ''}`} onClick={() => setCategory(c)}>
              <Text>{c === ALL ? '全部' : CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {loading || error || active.length === 0 ? (
        <ListStatus loading={loading} error={error} empty={active.length === 0} emptyText="暂时没有可预约的服务" onRetry={() => void reload()} />
      ) : (
        shown.map((c) => (
          <View key={c}>
            <Text className="section-title catalog-section">{CATEGORY_LABELS[c]}</Text>
            {active
              .filter((i) => i.category === c)
              .map((item) => (
                <View key={item.id} className="card catalog-item" onClick={() => order(item)}>
                  <Text className="card-title">{item.name}</Text>
                  {item.description ? <Text className="catalog-desc">{item.description}</Text> : null}
                  <View className="row-between catalog-bottom">
                    <Price redFen={item.redPriceFen} marketFen={item.marketPriceFen} unit={item.unit} />
                    <Button
                      type="primary"
                      onClick={(e) => {
                        e.stopPropagation();
                        order(item);
                      }}
                    >
                      预约
                    </Button>
                  </View>
                </View>
              ))}
          </View>
        ))
      )}
    </Screen>
  );
}
