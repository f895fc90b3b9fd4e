import { useState } from 'react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { monthRange } from '@core';
import { publicBoard } from '@/api';
import { ListStatus } from '@/components/list-status';
import { MonthPicker, thisMonth } from '@/components/month-picker';
import { RateTiles } from '@/components/rates';
import { Ranking } from '@/components/ranking';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { useSession } from '@/hooks/useSession';
import { PUBLIC_BOARD } from '@/routes';
import { PraisedTeams, RecentCases } from './cases';
import './index.scss';

/**
 * 晾晒: how every compound and service team did this month, its latest finished cases and the teams
 * residents praised, for anyone to read — residents judge the work (群众来评判). No login, and no
 * person's name, phone or address appears; at desktop width it fills a wall screen.
 */
export default function PublicBoard() {
  const router = useRouter();
  const { session } = useSession();
  const community = router.params.community || session?.community.id || '';
  const [month, setMonth] = useState(router.params.month && monthRange(router.params.month) ? router.params.month : thisMonth());
  const board = useLoad(() => (community ? publicBoard(community, month) : Promise.resolve(null)), `${community}|${month}`);
  useShareAppMessage(() => ({ title: `${board.data?.community ?? '社区'}服务晾晒榜`, path: `${PUBLIC_BOARD}?community=${community}&month=${month}` }));
  const b = board.data;

  return (
    <Screen className="board-page">
      <View className="board-head">
        <Text className="board-title">{b ? `${b.community}服务晾晒榜` : '社区服务晾晒榜'}</Text>
        <Text className="board-sub">事事有回音 · 件件有着落 · 群众来评判</Text>
      </View>
      {!community ? (
        <ListStatus loading={false} error={null} empty emptyText="请通过社区分享的链接打开晾晒榜" onRetry={() => void board.reload()} />
      ) : (
        <View>
          <MonthPicker value={month} onChange={setMonth} />
          {!b ? (
            <ListStatus loading={board.loading} error={board.error} empty={false} emptyText="" onRetry={() => void board.reload()} />
          ) : (
            <View>
              {month === thisMonth() ? <Text className="muted board-note">本月数据截至目前，还会随办理进展变化</Text> : null}
              {/* On a wall screen (1440 px and up) the three columns sit side by side: figures, recent cases, rankings. */}
              <View className="board-wall">
                <View className="board-col">
                  <RateTiles rates={b.overall} />
                  <PraisedTeams teams={b.praisedTeams} />
                </View>
                <View className="board-col">
                  <RecentCases cases={b.recentCases} />
                </View>
                <View className="board-col">
                  <View className="card">
                    <Text className="card-title">小区排名</Text>
                    <Ranking rows={b.compounds} empty="这个月还没有工单" />
                  </View>
                  <View className="card">
                    <Text className="card-title">服务队排名</Text>
                    <Ranking rows={b.teams} empty="这个月还没有派给服务队的工单" />
                  </View>
                </View>
              </View>
              <Text className="muted board-note">
                响应率：按时接单的比例；解决率：办结且未返工的比例；满意率：评价4星以上或回访满意的比例。工单少于5单的暂不排名。
              </Text>
            </View>
          )}
        </View>
      )}
    </Screen>
  );
}
