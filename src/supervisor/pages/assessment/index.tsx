import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { assessmentMonthAt, monthRange, type AssessmentRow, type Role, type StatsCut } from '@core';
import { asApiError, exportAssessment, getAssessment, publishAssessment, saveFile, storage } from '@/api';
import { ListStatus } from '@/components/list-status';
import { MonthPicker } from '@/components/month-picker';
import { Button } from '@/components/nut/button';
import { dateTime } from '@/components/format';
import { Ranking, rankRow, type RankRow } from '@/components/ranking';
import { RatesTable, type RatesRow } from '@/components/ranking/rates-table';
import { hours } from '@/components/rates/format';
import { Screen } from '@/components/screen';
import { confirmAction, showFailure, toastOk } from '@/hooks/feedback';
import { useLoad } from '@/hooks/useLoad';
import { useSession } from '@/hooks/useSession';
import { useWide } from '@/hooks/useWide';
import { PlaceCut, cutName, cutOfParams, cutQuery, usePlaces } from '../../place-cut';
import './index.scss';

/** A report row with the two figures the export also carries: handling time and overdue orders. */
const reportRow = (r: AssessmentRow): RankRow => ({ ...rankRow(r), detail: `平均办理 ${hours(r.rates.avgHandlingHours)} · 超时 ${r.rates.overdue} 单` });
/** The same row in the console's table, where handling time and overdue orders are columns of their own. */
const tableRow = (r: AssessmentRow): RatesRow => ({ key: r.id, ...rankRow(r) });

const UNITS = [
  { kind: 'team', title: '服务队', empty: '这个月没有服务队的工单' },
  { kind: 'company', title: '物业公司', empty: '这个月没有物业公司的工单' },
] as const;

/** The role the report is read in: the one chosen on the start page when it may read it; null until the session is known. */
function assessmentRole(roles: readonly Role[] | null): 'supervisor' | 'admin' | null {
  if (!roles) return null;
  const chosen = storage.getRole();
  if ((chosen === 'supervisor' || chosen === 'admin') && roles.includes(chosen)) return chosen;
  return roles.includes('supervisor') ? 'supervisor' : 'admin';
}

/**
 * 考核: a month's report per team and company; published once the month is over, then frozen. At a
 * desk (the console) each report is a table sortable by every figure, the two side by side. In the
 * first week of a month it opens on the month just ended, the one waiting to be published.
 */
export default function Assessment() {
  const wide = useWide();
  const router = useRouter();
  const [month, setMonth] = useState(router.params.month && monthRange(router.params.month) ? router.params.month : assessmentMonthAt(Date.now()));
  const { session, error: sessionError, reload: reloadSession } = useSession();
  const role = assessmentRole(session?.user.roles ?? null);
  const [cut, setCut] = useState<StatsCut>(() => cutOfParams(router.params));
  const places = usePlaces();
  const report = useLoad(() => (role ? getAssessment(role, month, cut) : Promise.resolve(null)), `${role}|${month}|${cutQuery(cut)}`);
  const [busy, setBusy] = useState<string | null>(null);
  const a = report.data;
  const over = (monthRange(month)?.to ?? Infinity) <= Date.now();

  const publish = async () => {
    if (role !== 'supervisor') return;
    const ok = await confirmAction('发布考核结果？', `发布后${month}的考核结果将固定下来，不能再修改。`, '发布');
    if (!ok) return;
    setBusy('publish');
    try {
      report.setData(await publishAssessment(role, month));
      toastOk('考核已发布');
    } catch (e) {
      const failure = asApiError(e);
      showFailure(failure);
      // Someone published it meanwhile: show the report as it was frozen.
      if (failure.code === 'ASSESSMENT.ALREADY_PUBLISHED') void report.reload();
    } finally {
      setBusy(null);
    }
  };

  const download = async (format: 'csv' | 'xlsx') => {
    if (!role) return;
    setBusy(format);
    try {
      await saveFile(await exportAssessment(role, month, format, cut));
      toastOk('已导出');
    } catch (e) {
      showFailure(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Screen wide={wide}>
      <MonthPicker value={month} onChange={setMonth} />
      <PlaceCut value={cut} onChange={setCut} places={places} />
      {!a ? (
        <ListStatus
          loading={report.loading || (!role && !sessionError)}
          error={report.error ?? (role ? null : sessionError)}
          empty={false}
          emptyText=""
          onRetry={() => void (role ? report.reload() : reloadSession())}
        />
      ) : (
        <View>
          <View className="card">
            <Text className="card-title">
              {a.cut ? `${cutName(a.cut, places)}：按当前数据实时计算` : a.publishedAt ? `已发布（${dateTime(a.publishedAt)}）` : '草稿：按当前数据实时计算'}
            </Text>
            {a.cut ? <Text className="muted assessment-line">只统计在这里下的工单；发布的是全社区的考核</Text> : null}
            <Text className="muted assessment-line">
              数据截至 {dateTime(a.asOf)}
              {role === 'admin' ? ' · 管理员只读' : ''}
            </Text>
            <Text className="muted assessment-line">
              权重：响应率{Math.round(a.weights.response * 100)}% · 解决率{Math.round(a.weights.resolution * 100)}% · 满意率
              {Math.round(a.weights.satisfaction * 100)}%；少于5单的不排名
            </Text>
          </View>
          <View className={wide ? 'console-grid' : undefined}>
            {UNITS.map((u) => (
              <View key={u.kind} className="card">
                <Text className="card-title">{u.title}</Text>
                {wide ? (
                  <RatesTable caption={`${u.title}考核`} ranked handling rows={a.rows.filter((r) => r.kind === u.kind).map(tableRow)} empty={u.empty} />
                ) : (
                  <Ranking rows={a.rows.filter((r) => r.kind === u.kind).map(reportRow)} empty={u.empty} />
                )}
              </View>
            ))}
          </View>
          <View className="card">
            <Button block loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void download('xlsx')}>
              导出 Excel（XLSX）
            </Button>
            <View className="gap" />
            <Button block loading={busy === 'csv'} disabled={busy !== null} onClick={() => void download('csv')}>
              导出 CSV
            </Button>
            {role === 'supervisor' && !a.publishedAt && !a.cut ? (
              <>
                <View className="gap" />
                <Button type="primary" block loading={busy === 'publish'} disabled={busy !== null || !over} onClick={() => void publish()}>
                  {over ? `发布${Number(month.slice(5))}月考核` : '月末后才能发布'}
                </Button>
              </>
            ) : null}
          </View>
        </View>
      )}
    </Screen>
  );
}
