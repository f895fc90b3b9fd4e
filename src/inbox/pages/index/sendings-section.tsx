import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MessageSending, SendOutcome, TemplateKey } from '@core';
import { listSendings } from '@/api';
import { dateTime } from '@/components/format';

const OUTCOMES: Readonly<Record<SendOutcome, string>> = {
  sent: '已推送到微信',
  'no-consent': '未订阅，已存在消息里',
  'not-configured': '未开通，已存在消息里',
  failed: '推送失败，已存在消息里',
};
const TEMPLATE_NAMES: Readonly<Record<TemplateKey, string>> = { orderProgress: '工单进度提醒', orderAlert: '工单待办提醒' };

/** 微信服务通知: what reached me through WeChat and what stayed here, and how many more I agreed to. */
export function SendingsSection() {
  const [items, setItems] = useState<readonly MessageSending[]>([]);
  const [consents, setConsents] = useState<Record<TemplateKey, number> | null>(null);
  useEffect(() => {
    listSendings(5)
      .then((r) => {
        setItems(r.items);
        setConsents(r.consents);
      })
      .catch(() => undefined);
  }, []);
  if (!consents) return null;
  const left = (Object.keys(TEMPLATE_NAMES) as TemplateKey[]).filter((k) => consents[k] > 0);
  return (
    <View className="inbox-sendings">
      <Text className="section-title">微信服务通知</Text>
      <View className="card">
        <Text className="muted">
          {left.length ? `还可接收：${left.map((k) => `${TEMPLATE_NAMES[k]} ${consents[k]} 条`).join('，')}` : '下单、接单时点“允许”，进展会推送到微信服务通知'}
        </Text>
        {items.map((s) => (
          <View key={s.id} className="inbox-sending row-between">
            <Text className="inbox-sending-what">{TEMPLATE_NAMES[s.template]}</Text>
            <Text className={`inbox-sending-outcome ${s.outcome}`}>{OUTCOMES[s.outcome]}</Text>
            <Text className="muted">{dateTime(s.at)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
