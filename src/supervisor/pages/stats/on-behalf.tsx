import { Text, View } from '@tarojs/components';
import { PROXY_LABELS, PROXY_RELATIONS, type OnBehalfCounts } from '@core';

/**
 * 代下单 (代办制): how many of the period's orders someone placed for a resident, by who placed them,
 * and how many of those the proxy also confirmed and rated for the resident.
 */
export function OnBehalfCard({ counts }: { readonly counts: OnBehalfCounts }) {
  const total = PROXY_RELATIONS.reduce((n, r) => n + counts[r].orders, 0);
  const confirmed = PROXY_RELATIONS.reduce((n, r) => n + counts[r].confirmed, 0);
  return (
    <View className="card">
      <Text className="card-title">代下单</Text>
      {total === 0 ? (
        <Text className="muted">这段时间没有代居民下的单</Text>
      ) : (
        <>
          <Text className="stats-figures">
            共{total}单 · 其中{confirmed}单由代办人代居民确认并评价
          </Text>
          {PROXY_RELATIONS.map((r) => (
            <View key={r} className="stats-line">
              <Text className="stats-name">{PROXY_LABELS[r]}代下单</Text>
              <Text className="stats-figures">
                {counts[r].orders}单{counts[r].confirmed > 0 ? ` · 代确认${counts[r].confirmed}单` : ''}
              </Text>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
