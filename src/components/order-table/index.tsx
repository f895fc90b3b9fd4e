import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, STATE_LABELS, orderFlags, orderNumberOf, waitingSince, type OrderView } from '@core';
import { DataTable, type Column } from '@/components/data-table';
import { clockText } from '@/components/deadline/deadline-text';
import { dateTime, durationText, windowText } from '@/components/format';
import { ListStatus } from '@/components/list-status';
import { StateTag } from '@/components/state-tag';
import { ALL_ROWS_CAP, type OrderListState } from '@/hooks/useOrderList';
import { FLAG_TEXT } from '@/components/order-card/flag-text';
import './index.scss';

/** The columns staff read an order by at a desk; each sorts, the kinds of thing filter. */
function orderColumns(now: number): Column<OrderView>[] {
  return [
    { key: 'number', title: '单号', text: orderNumberOf, sortBy: (o) => o.createdAt },
    { key: 'service', title: '服务', text: (o) => o.serviceName, sortBy: (o) => o.serviceName, grow: 2 },
    { key: 'category', title: '类别', text: (o) => CATEGORY_LABELS[o.category], filterBy: true, grow: 0.7 },
    { key: 'state', title: '状态', text: (o) => STATE_LABELS[o.state], filterBy: true, sortBy: (o) => o.state, grow: 0.9 },
    { key: 'compound', title: '小区', text: (o) => o.address.compoundName, filterBy: true, sortBy: (o) => o.address.compoundName, grow: 1 },
    {
      key: 'flags',
      title: '异常',
      text: (o) =>
        orderFlags(o)
          .map((f) => FLAG_TEXT[f](o))
          .join(' '),
      sortBy: (o) => -orderFlags(o).length,
      grow: 1.4,
    },
    {
      key: 'deadline',
      title: '时限',
      text: (o) => (o.clock ? clockText(o.clock, now, o.waiting !== null).text : '—'),
      sortBy: (o) => o.clock?.dueAt ?? null,
      grow: 1.5,
    },
    { key: 'window', title: '预约', text: (o) => (o.grievance ? '—' : windowText(o.timeWindow, now)), sortBy: (o) => o.timeWindow.from, grow: 1.3 },
    {
      key: 'waiting',
      title: '已等待',
      text: (o) => {
        const since = waitingSince(o);
        return since === null ? '—' : durationText(now - since);
      },
      sortBy: (o) => {
        const since = waitingSince(o);
        return since === null ? null : now - since;
      },
      grow: 1,
    },
  ];
}

const CLOCK_COLUMNS = ['deadline', 'waiting'];
const placedColumn = (now: number): Column<OrderView> => ({
  key: 'placed',
  title: '下单时间',
  text: (o) => dateTime(o.createdAt, now),
  sortBy: (o) => o.createdAt,
  grow: 1,
});

interface Props {
  readonly caption: string;
  readonly list: OrderListState;
  readonly selectedId: string | null;
  readonly onOpen: (order: OrderView) => void;
  readonly emptyText: string;
  /** The server's order of the rows in words (有异常的在前，其余按时限), said while no column is sorted. */
  readonly delivered: string;
}

/** Why the rows are not yet all (the list is given with `all`, so it loads to the end or to the cap). */
function partialText(list: OrderListState, delivered: string): string | null {
  if (!list.hasMore) return null;
  if (list.items.length < ALL_ROWS_CAP && !list.loadMoreError) return '正在载入其余的，排序和筛选暂只针对已载入的';
  return `只载入了排在最前的 ${list.items.length} 条（${delivered}），排序和筛选只针对这些；请用筛选缩小范围`;
}

/**
 * The console's order list: one row per order, sortable and filterable over every order of the
 * listing (give it a list made with useOrderList's `all`), the count and the order said above it.
 */
export function OrderTable({ caption, list, selectedId, onOpen, emptyText, delivered }: Props) {
  const now = Date.now();
  // Ended orders run no clock: their deadline and waiting columns would be all "—", so they show when the order was placed instead.
  const running = list.items.some((o) => o.clock !== null);
  const columns = running ? orderColumns(now) : [...orderColumns(now).filter((c) => !CLOCK_COLUMNS.includes(c.key)), placedColumn(now)];
  return (
    <DataTable
      caption={caption}
      rows={list.items}
      columns={columns}
      rowKey={(o) => o.id}
      onOpen={onOpen}
      selectedKey={selectedId}
      searchText={(o) => `${orderNumberOf(o)} ${o.serviceName} ${o.description} ${o.address.compoundName}${o.address.buildingName}${o.address.door}`}
      empty={list.loading || list.error ? '' : emptyText}
      delivered={delivered}
      partial={partialText(list, delivered)}
      cell={(c, o) => <OrderCell column={c.key} order={o} text={c.text(o)} />}
      footer={
        <ListStatus
          loading={list.loading}
          error={list.error}
          empty={false}
          emptyText=""
          onRetry={() => void list.reload()}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          loadMoreError={list.loadMoreError}
          onMore={() => void list.loadMore()}
        />
      }
    />
  );
}

function OrderCell({ column, order, text }: { readonly column: string; readonly order: OrderView; readonly text: string }) {
  switch (column) {
    case 'state':
      return <StateTag state={order.state} />;
    case 'flags':
      return (
        <View className="order-table-flags">
          {orderFlags(order).map((f) => (
            <Text key={f} className={`order-flag flag-${f}`}>
              {FLAG_TEXT[f](order)}
            </Text>
          ))}
        </View>
      );
    case 'deadline':
      return <Text className={order.clock && order.clock.level > 0 ? 'order-table-late' : undefined}>{text}</Text>;
    case 'service':
      // What the resident wrote, under the service: a dispatcher decides from it without opening the order.
      return (
        <View>
          <Text className="order-table-service">{text}</Text>
          <Text className="order-table-desc">{order.description}</Text>
        </View>
      );
    default:
      return <Text>{text}</Text>;
  }
}
