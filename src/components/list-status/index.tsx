import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ApiError } from '@/api';
import { Button } from '@/components/nut/button';
import { Empty } from '@/components/nut/empty';
import './index.scss';

interface Props {
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly empty: boolean;
  readonly emptyText: string;
  readonly emptyHint?: string;
  readonly onRetry: () => void;
  readonly hasMore?: boolean;
  readonly loadingMore?: boolean;
  readonly loadMoreError?: ApiError | null;
  readonly onMore?: () => void;
  /** Offer a way back to the start page when the caller's identity is the problem. */
  readonly offerStart?: boolean;
}

const isIdentityProblem = (e: ApiError) => e.code.startsWith('AUTH.');

/** The parts of a list that are not its items: loading, failure with retry, empty, and paging. */
export function ListStatus(p: Props) {
  if (p.loading) {
    return (
      <View className="list-status">
        <Text className="list-status-text">正在加载…</Text>
      </View>
    );
  }
  if (p.error) {
    return (
      <View className="list-status">
        <Empty status="error" image={<Text className="list-status-icon error">!</Text>} title="没有加载出来" description={p.error.message} />
        <View className="list-status-actions">
          <Button type="primary" onClick={p.onRetry}>
            重新加载
          </Button>
          {p.offerStart !== false && isIdentityProblem(p.error) ? (
            <Button onClick={() => void Taro.reLaunch({ url: '/pages/index/index?switch=1' })}>返回首页</Button>
          ) : null}
        </View>
      </View>
    );
  }
  if (p.empty) {
    return (
      <View className="list-status">
        <Empty image={<Text className="list-status-icon">无</Text>} title={p.emptyText} description={p.emptyHint ?? ''} />
      </View>
    );
  }
  if (p.loadMoreError) {
    return (
      <View className="list-footer" onClick={p.onMore}>
        <Text className="list-footer-error">{p.loadMoreError.message}，点此重试</Text>
      </View>
    );
  }
  if (p.loadingMore) {
    return (
      <View className="list-footer">
        <Text className="muted">正在加载更多…</Text>
      </View>
    );
  }
  if (p.hasMore) {
    return (
      <View className="list-footer" onClick={p.onMore}>
        <Text className="list-footer-more">加载更多</Text>
      </View>
    );
  }
  return (
    <View className="list-footer">
      <Text className="muted">没有更多了</Text>
    </View>
  );
}
