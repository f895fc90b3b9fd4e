import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { monthRange, type Role } from '@core';
import { asApiError, exportAssessment, getAssessment, publishAssessment, saveFile } from '@/api';
import { ListStatus } from '@/components/list-status';
import { MonthPicker, thisMonth } from '@/components/month-picker';
import { Button } from '@/components/nut/button';
import { dateTime } from '@/components/format';
import { Ranking, rankRow } from '@/components/ranking';
import { Screen } from '@/components/screen';
import { confirmAction, showFailure, toastOk } from '@/hooks/feedback';
import { useLoad } from '@/hooks/useLoad';
import { useSession } from '@/hooks/useSession';

/** 考核: a month's report per team and company; published once the month is over, then frozen. */
export default function Assessment() {
  const router = useRouter();
  const [month, setMonth] = useState(router.params.month && monthRange(router.params.month) ? router.params.month : thisMonth());
  const { session } = useSession();
  const role: Role = session?.user.roles.includes('supervisor') ? 'supervisor' : 'admin';
  const report = useLoad(() => getAssessment(role, month), `${role}|${month}`);
  const [busy, setBusy] = useState<string | null>(null);
  const a = report.data;
  const over = (monthRange(month)?.to ?? Infinity) <= Date.now();

  const publish = async () => {
    const ok = await confirmAction('发布考核结果？', `发布后${month}的考核结果将固定下来，不能再修改。`, '发布');
    if (!ok) return;
    setBusy('publish');
    try {
      report.setData(await publishAssessment(role, month));
      toastOk('考核已发布');
    } catch (e) {
      showFailure(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      await saveFile(await exportAssessment(role, month, format));
      toastOk('已导出');
    } catch (e) {
      showFailure(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Screen>
      <MonthPicker value={month} onChange={setMonth} />
      {!a ? (
        <ListStatus loading={report.loading} error={report.error} empty={false} emptyText="" onRetry={() => void report.reload()} />
      ) : (
        <View>
          <View className="card">
            <Text className="card-title">{a.publishedAt ? `已发布（${dateTime(a.publishedAt)}）` : '草稿：按当前数据实时计算'}</Text>
            <Text className="muted">
              权重：响应率{Math.round(a.weights.response * 100)}% · 解决率{Math.round(a.weights.resolution * 100)}% · 满意率
              {Math.round(a.weights.satisfaction * 100)}%；少于5单的不排名
            </Text>
          </View>
          <View className="card">
            <Text className="card-title">服务队</Text>
            <Ranking rows={a.rows.filter((r) => r.kind === 'team').map(rankRow)} empty="本月没有服务队的工单" />
          </View>
          <View className="card">
            <Text className="card-title">物业公司</Text>
            <Ranking rows={a.rows.filter((r) => r.kind === 'company').map(rankRow)} empty="本月没有物业公司的工单" />
          </View>
          <View className="card">
            <Button block loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void download('xlsx')}>
              导出 Excel（XLSX）
            </Button>
            <View className="gap" />
            <Button block loading={busy === 'csv'} disabled={busy !== null} onClick={() => void download('csv')}>
              导出 CSV
            </Button>
            {role === 'supervisor' && !a.publishedAt ? (
              <>
                <View className="gap" />
                <Button type="primary" block loading={busy === 'publish'} disabled={busy !== null || !over} onClick={() => void publish()}>
                  {over ? '发布本月考核' : '月末后才能发布'}
                </Button>
              </>
            ) : null}
          </View>
        </View>
      )}
    </Screen>
  );
}
