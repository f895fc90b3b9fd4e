import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, paymentOf, type ServiceItem } from '@core';
import { Popup } from '@/components/nut/popup';
import { Price } from '@/components/price';

/** The chosen service, with a sheet to pick another. */
export function ServiceChoice({
  items,
  value,
  onChange,
}: {
  readonly items: readonly ServiceItem[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const active = items.filter((i) => i.active);
  const chosen = active.find((i) => i.id === value);
  return (
    <View>
      <View className="choice" onClick={() => setOpen(true)}>
        {chosen ? (
          <View className="choice-main">
            <Text className="choice-title">{chosen.name}</Text>
            <Price redFen={chosen.redPriceFen} marketFen={chosen.marketPriceFen} unit={chosen.unit} payment={paymentOf(chosen)} />
          </View>
        ) : (
          <Text className="choice-title">请选择服务</Text>
        )}
        <Text className="choice-change">{chosen ? '更换 ›' : '选择 ›'}</Text>
      </View>
      <Popup visible={open} position="bottom" round closeable title="选择服务" onClose={() => setOpen(false)}>
        <ScrollView scrollY className="choice-sheet">
          {active.map((i) => (
            <View
              key={i.id}
              className={`choice${i.id === value ? ' active' : ''}`}
              onClick={() => {
                onChange(i.id);
                setOpen(false);
              }}
            >
              <View className="choice-main">
                <Text className="choice-title">
                  {i.name}（{CATEGORY_LABELS[i.category]}）
                </Text>
                <Price redFen={i.redPriceFen} marketFen={i.marketPriceFen} unit={i.unit} payment={paymentOf(i)} />
              </View>
            </View>
          ))}
        </ScrollView>
      </Popup>
    </View>
  );
}
