import { Text, View } from '@tarojs/components';
import { grievanceStats } from '@/api/grievances';
import { ListStatus } from '@/components/list-status';
import { percent } from '@/components/rates/format';
import { useLoad } from '@/hooks/useLoad';

/** 诉求 by category and by route with their 三率, and the departments that answer late first. */
export function GrievanceStatsCards({ month }: { readonly month: string }) {
  const stats = useLoad(() => grievanceStats(month), month);
  const s = stats.data;
  if (!s) return <ListStatus loading={stats.loading} error={stats.error} empty={false} emptyText="" onRetry={() => void stats.reload()} />;
  const rows = (groups: typeof s.byCategory | typeof s.byRoute) =>
    groups
      .filter((g) => g.sums.orders > 0)
      .map((g) => (
        <View key={g.key} className="row-between stats-row">
          <Text>{g.label}</Text>
          <Text className="muted">
            {g.sums.orders}件 · 响应{percent(g.rates.responseRate)} · 解决{percent(g.rates.resolutionRate)} · 满意{percent(g.rates.satisfactionRate)}
          </Text>
        </View>
      ));
  return (
    <View>
      <View className="card">
        <Text className="card-title">按类别（共{s.total}件）</Text>
        {s.total === 0 ? <Text className="muted">这个月还没有诉求</Text> : rows(s.byCategory)}
      </View>
      <View className="card">
        <Text className="card-title">按去向</Text>
        {rows(s.byRoute)}
      </View>
      <View className="card">
        <Text className="card-title">职能部门答复情况</Text>
        {s.departments.length === 0 ? <Text className="muted">这个月没有转给职能部门的诉求</Text> : null}
        {s.departments.map((d) => (
          <View key={d.departmentId} className="row-between stats-row">
            <Text>{d.name}</Text>
            <Text className={d.late + d.overdueNow > 0 ? 'late' : 'muted'}>
              转办{d.routed} · 答复{d.answered} · 超期答复{d.late} · 逾期未复{d.overdueNow}
              {d.declined ? ` · 退回${d.declined}` : ''}
              {d.avgReplyHours !== null ? ` · 平均${d.avgReplyHours}小时` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
