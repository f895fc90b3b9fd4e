import { type ReactNode, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Role } from '@core';
import { ActionPanel } from '@/components/action-panel';
import { ListStatus } from '@/components/list-status';
import { Screen } from '@/components/screen';
import { Timeline } from '@/components/timeline';
import { useOrderDetail, type OrderDetailState } from '@/hooks/useOrderDetail';
import { useSession } from '@/hooks/useSession';
import { useCatalog } from '@/hooks/useCatalog';
import { useTeams } from '@/hooks/useTeams';
import { useWide } from '@/hooks/useWide';
import { ROLE_HOME } from '@/routes';
import { AgainButton, ServedBySection } from './resident-sections';
import { HeaderSection, NeedSection, OutcomeSection, VisitSection } from './sections';
import './index.scss';

/**
 * One order as a role sees it: everything about it, its timeline, and the buttons the server allows.
 * At desktop width (opened alone: a link, a message) the facts and the buttons sit in one column and
 * the timeline beside them, so the buttons are in view without scrolling; on a phone the buttons are
 * a bar fixed to the bottom.
 */
export function OrderDetailScreen({ role, orderId }: { readonly role: Role; readonly orderId: string }) {
  const detail = useOrderDetail(role, orderId);
  const wide = useWide();
  const { order } = detail;
  const actions = order && order.actions.length > 0 ? <ActionPanel order={order} busy={detail.busy} act={detail.act} /> : undefined;
  if (wide) {
    return (
      <Screen wide>
        <BackLink role={role} />
        <OrderSections role={role} detail={detail} wideActions={actions ?? null} />
      </Screen>
    );
  }
  return (
    <Screen footer={actions}>
      <OrderSections role={role} detail={detail} />
    </Screen>
  );
}

/**
 * ‹ 返回 above an order opened alone at a desk: the H5 app draws no navigation bar, and an order
 * opened from a link or a message has no list behind it, so it goes to the role's first page then.
 */
function BackLink({ role }: { readonly role: Role }) {
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: ROLE_HOME[role] ?? '/pages/index/index' });
  };
  return (
    <View className="order-wide-back">
      <Text className="order-wide-back-link" onClick={back}>
        ‹ 返回
      </Text>
    </View>
  );
}

/**
 * The same order beside a list in the desktop console: its buttons at the top of the pane instead of
 * a bar fixed to the bottom of the window; `onGone` closes the pane when the order leaves reach.
 */
export function OrderDetailPane({ role, orderId, onGone }: { readonly role: Role; readonly orderId: string; readonly onGone: () => void }) {
  const detail = useOrderDetail(role, orderId, { onGone });
  const { order } = detail;
  return (
    <View className="order-pane">
      {order && order.actions.length > 0 ? (
        <View className="card order-pane-actions">
          <ActionPanel order={order} busy={detail.busy} act={detail.act} />
        </View>
      ) : null}
      <OrderSections role={role} detail={detail} />
    </View>
  );
}

interface SectionsProps {
  readonly role: Role;
  readonly detail: OrderDetailState;
  /** Given (even as null) on a wide page: two columns, the buttons (if any) heading the facts. */
  readonly wideActions?: ReactNode | null;
}

function OrderSections({ role, detail, wideActions }: SectionsProps) {
  const { names: teamNames } = useTeams(role);
  const { session } = useSession();
  const catalog = useCatalog();
  const resident = role === 'resident';
  // Names the caller may know: all teams (dispatcher, supervisor), else their own teams and self.
  const names = useMemo(() => {
    const m = new Map(teamNames);
    for (const t of session?.teams ?? []) m.set(t.id, t.name);
    if (session) m.set(session.user.id, `${session.user.name}（我）`);
    return m as ReadonlyMap<string, string>;
  }, [teamNames, session]);
  const { order, events } = detail;

  if (!order) {
    return <ListStatus loading={detail.loading} error={detail.error} empty={false} emptyText="" onRetry={() => void detail.reload()} />;
  }
  const facts = (
    <>
      <HeaderSection order={order} events={events} resident={resident} items={catalog.items} />
      {resident ? <ServedBySection order={order} /> : null}
      <NeedSection order={order} />
      <VisitSection order={order} names={names} resident={resident} households={session?.households ?? []} />
      <OutcomeSection order={order} resident={resident} />
    </>
  );
  const timeline = (
    <View className="card">
      <Text className="card-title">办理记录</Text>
      <Timeline
        events={events}
        names={names}
        audience={resident ? 'resident' : 'staff'}
        older={detail.hasOlder ? { loading: detail.loadingOlder, load: () => void detail.loadOlder() } : undefined}
      />
    </View>
  );
  const again = resident ? <AgainButton order={order} /> : null;
  if (wideActions === undefined) {
    return (
      <>
        {facts}
        {timeline}
        {again}
      </>
    );
  }
  return (
    <View className="order-wide">
      <View className="order-wide-facts">
        {wideActions ? (
          <View className="card order-pane-actions" role="region" aria-label="可办理">
            {wideActions}
          </View>
        ) : null}
        {facts}
        {again}
      </View>
      <View className="order-wide-timeline" role="region" aria-label="办理记录">
        {timeline}
      </View>
    </View>
  );
}
