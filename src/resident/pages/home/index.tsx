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
import { useElderMode } from '@/hooks/useElderMode';
import { useSession } from '@/hooks/useSession';
import { RESIDENT_CREATE, RESIDENT_GRIEVANCES, RESIDENT_ORDERS } from '@/routes';
import { callPhone } from '@/api/device';
import { ElderHome } from './elder-home';
import './index.scss';

const ALL = 'all';

/** 点单: the catalogue by category, red price beside market price; 长辈模式 shows large tiles instead. */
export default function ResidentHome() {
  const { items, popular, loading, error, reload } = useCatalog();
  const [elder] = useElderMode();
  const property = useSession().session?.property;
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
      {elder && !loading && !error && active.length > 0 ? (
        <ElderHome items={active} popular={popular} onOrder={order} />
      ) : (
        <>
          <View className="resident-top">
            <Text className="resident-hello">需要什么服务？</Text>
            <Button type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: RESIDENT_ORDERS })}>
              我的工单
            </Button>
          </View>
          <View className="resident-property resident-grievances" onClick={() => void Taro.navigateTo({ url: RESIDENT_GRIEVANCES })}>
            <Text>目录里没有的，在这里反映</Text>
            <Text className="resident-property-call">小区诉求 ›</Text>
          </View>
          {property ? (
            <View className="resident-property" onClick={() => callPhone(property.phone)}>
              <Text>物业服务电话 {property.phone}</Text>
              <Text className="resident-property-call">拨打</Text>
            </View>
          ) : null}
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
        </>
      )}
    </Screen>
  );
}
