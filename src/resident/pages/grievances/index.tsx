import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BoardItem } from '@core';
import { actOnOrder, asApiError, newRequestId } from '@/api';
import { grievanceBoard } from '@/api/grievances';
import { Button } from '@/components/nut/button';
import { ListStatus } from '@/components/list-status';
import { Screen } from '@/components/screen';
import { showFailure, toastOk } from '@/hooks/feedback';
import { orderUrl, RESIDENT_GRIEVANCE } from '@/routes';
import { GrievanceCard } from './grievance-card';
import './index.scss';

/**
 * The compound's 诉求 board (like a civic issue board): every 诉求, open and answered, with no one's
 * name or door. A resident who has the same problem presses 我也遇到 instead of raising it again.
 */
export default function GrievanceBoard() {
  const [board, setBoard] = useState<{ compoundName: string; items: BoardItem[] } | null>(null);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setBoard(await grievanceBoard('resident'));
      setError(null);
    } catch (e) {
      setError(asApiError(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const act = async (item: BoardItem, action: 'me_too' | 'follow') => {
    setBusy(item.id);
    try {
      await actOnOrder('resident', item, action, {}, newRequestId());
      toastOk(action === 'me_too' ? '已记下，办理结果会通知您' : '已关注');
      await load();
    } catch (e) {
      showFailure(asApiError(e));
      await load();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Screen>
      <View className="row-between grievance-board-top">
        <Text className="section-title">{board ? `${board.compoundName} · 居民诉求` : '居民诉求'}</Text>
        <Button type="primary" onClick={() => void Taro.navigateTo({ url: RESIDENT_GRIEVANCE })}>
          提诉求
        </Button>
      </View>
      <Text className="muted grievance-board-hint">遇到同样的问题，点“我也遇到”即可，不必重复提交。这里不显示任何人的姓名和门牌。</Text>
      {!board || board.items.length === 0 ? (
        <ListStatus loading={!board && !error} error={error} empty={board?.items.length === 0} emptyText="小区里还没有诉求" onRetry={() => void load()} />
      ) : (
        board.items.map((item) => (
          <GrievanceCard
            key={item.id}
            item={item}
            busy={busy === item.id}
            onOpen={item.mine ? () => void Taro.navigateTo({ url: orderUrl('resident', item.id) }) : undefined}
            onMeToo={() => void act(item, 'me_too')}
            onFollow={() => void act(item, 'follow')}
          />
        ))
      )}
    </Screen>
  );
}
