import { Text, View } from '@tarojs/components';
import {
  GRIEVANCE_LEVEL_LABELS,
  PARTY_LABELS,
  PROXY_LABELS,
  handledBy,
  orderNumberOf,
  type HouseholdView,
  type OrderEvent,
  type OrderView,
  type ServiceItem,
} from '@core';
import { callPhone } from '@/api/device';
import { clockText, overdueStagesText } from '@/components/deadline/deadline-text';
import { dateTime, windowText } from '@/components/format';
import { Price } from '@/components/price';
import { PhotoGrid } from '@/components/photos';
import { StateTag } from '@/components/state-tag';
import { assignmentText, type Names } from '@/components/timeline/event-text';
import { paymentFor, ProgressBanner, PropertyPhone } from './resident-sections';

/** What, its state, and why it stopped (if it did). A resident reads one plain progress line instead of the stage clocks. */
export function HeaderSection({
  order,
  events,
  resident,
  items,
}: {
  readonly order: OrderView;
  readonly events: readonly OrderEvent[];
  readonly resident: boolean;
  readonly items: readonly ServiceItem[];
}) {
  const refusal = order.state === 'refused' ? [...events].reverse().find((e) => e.action === 'refuse') : undefined;
  const redirect = typeof refusal?.payload.redirect === 'string' ? refusal.payload.redirect : '';
  return (
    <View className="card">
      {resident ? <ProgressBanner order={order} /> : null}
      <View className="row-between">
        <Text className="detail-title">{order.serviceName}</Text>
        <StateTag state={order.state} large />
      </View>
      {/* A 诉求 has no price: it says how it is classified and who handles it instead. */}
      {order.grievance ? (
        <GrievanceLine order={order} />
      ) : (
        <View className="detail-price">
          <Price redFen={order.redPriceFen} marketFen={order.marketPriceFen} unit={order.unit} payment={paymentFor(order, items)} />
        </View>
      )}
      {order.lastReason && reasonShown(order.state, resident) ? (
        <Text className="detail-reason">
          {order.state === 'refused' ? '退回原因' : order.state === 'cancelled' ? '取消原因' : '最近说明'}：{order.lastReason}
        </Text>
      ) : null}
      {redirect ? <Text className="detail-reason">建议去处：{redirect}</Text> : null}
      {resident ? null : <DeadlineLine order={order} />}
      {order.autoClosed ? <Text className="detail-reason">超时未确认，系统自动办结（不计为居民评价）</Text> : null}
      <Text className="detail-number">工单号 {orderNumberOf(order)}</Text>
    </View>
  );
}

/** A 诉求's level, place, who handles it and, once decided, the roundtable's decision. */
function GrievanceLine({ order }: { readonly order: OrderView }) {
  const g = order.grievance!;
  const by = handledBy(order);
  return (
    <View className="detail-grievance">
      <Text className="detail-reason">
        {g.level ? `${GRIEVANCE_LEVEL_LABELS[g.level]}诉求` : '待分类定级'}
        {g.place ? ` · ${g.place}` : ''}
        {by ? ` · ${by}办理` : ''}
        {g.anonymous ? ' · 对邻居匿名' : ''}
        {g.supporters.length ? ` · 另有${g.supporters.length}位居民也遇到` : ''}
      </Text>
      {g.agenda ? (
        <Text className="detail-reason">
          圆桌会议决定：{g.agenda.decision}（{PARTY_LABELS[g.agenda.responsible]}负责）
        </Text>
      ) : null}
    </View>
  );
}

/**
 * Whether the last reason given belongs on top: why it was refused or cancelled, for everyone; for
 * staff also the latest word on an open order. A worker's 退回 or a supervisor's 重新打开 reason is
 * between staff, so the resident reads the progress line instead.
 */
const reasonShown = (state: OrderView['state'], resident: boolean) =>
  state === 'refused' || state === 'cancelled' || (!resident && (state === 'pending_dispatch' || state === 'accepted'));

/** The running clock of the current stage ("派单截止 14:30", or late and how far it was escalated), and every stage that ran late. */
function DeadlineLine({ order }: { readonly order: OrderView }) {
  const clock = order.clock ? clockText(order.clock, Date.now(), order.waiting !== null) : null;
  return (
    <>
      {clock ? <Text className={clock.late ? 'detail-overdue' : 'muted detail-due'}>{clock.text}</Text> : null}
      {order.overdueStages.length > 0 ? <Text className="detail-overdue-stages">超时环节：{overdueStagesText(order)}</Text> : null}
    </>
  );
}

/** The need itself: description and photos. */
export function NeedSection({ order }: { readonly order: OrderView }) {
  return (
    <View className="card">
      <Text className="card-title">需求描述</Text>
      <Text className="detail-text">{order.description}</Text>
      <PhotoGrid fileIds={order.photos} />
    </View>
  );
}

/** When, where, and whom to call: staff call the resident; the resident sees their own contact and the property's phone. */
export function VisitSection({
  order,
  names,
  resident,
  households,
}: {
  readonly order: OrderView;
  readonly names: Names;
  readonly resident: boolean;
  readonly households: readonly HouseholdView[];
}) {
  const { address } = order;
  const dialable = !resident && /^[\d-]+$/.test(order.contactPhone);
  // The server masks what this role may not have (docs/privacy.md); say so rather than look broken.
  const withheld = !dialable || address.door === '';
  return (
    <View className="card">
      {/* A 诉求 books no visit: it has the resident's address, and where the problem is above. */}
      <Text className="card-title">{order.grievance ? '反映人' : '上门信息'}</Text>
      {order.grievance ? null : <Line label="预约时间" value={windowText(order.timeWindow)} />}
      <Line label={order.grievance ? '住址' : '服务地址'} value={`${address.compoundName}${address.buildingName}${address.door}`} />
      <GridLines order={order} />
      <View className="detail-line">
        <Text className="detail-label">联系人</Text>
        <Text className="detail-value">
          {order.contactName} <Text className="detail-phone">{order.contactPhone}</Text>
        </Text>
        {dialable ? (
          <Text className="link" onClick={() => callPhone(order.contactPhone)}>
            打电话
          </Text>
        ) : null}
      </View>
      {withheld && !resident ? <Text className="muted">为保护居民隐私，部分联系方式已隐藏</Text> : null}
      <Line label="下单时间" value={dateTime(order.createdAt)} />
      {resident ? <PropertyPhone order={order} households={households} /> : null}
      {order.assignment && !resident ? <Line label="处理人" value={assignmentText(order.assignment, names)} /> : null}
      {order.urgeCount > 0 && !resident ? <Line label="催单" value={`${order.urgeCount} 次`} /> : null}
    </View>
  );
}

/** The completion report, the rating, and what the community did (督办, 投诉, 回访); a 督办 is between the community and staff, not shown to the resident. */
export function OutcomeSection({ order, resident }: { readonly order: OrderView; readonly resident: boolean }) {
  const { completion, rating } = order;
  const instructions = resident ? [] : order.instructions;
  const any = completion || rating || instructions.length || order.complaints.length || order.returnVisits.length;
  if (!any) return null;
  return (
    <View className="card">
      {completion ? (
        <View className="detail-block">
          <Text className="card-title">{order.grievance ? '办理结果' : '完工情况'}</Text>
          <Text className="detail-text">{completion.notes}</Text>
          <Text className="muted">
            {dateTime(completion.at)} {order.grievance ? '答复' : '完工'}
          </Text>
          <PhotoGrid fileIds={completion.photos} />
        </View>
      ) : null}
      {rating ? (
        <View className="detail-block">
          <Text className="card-title">居民评价</Text>
          <Text className="detail-text">
            态度{rating.attitude}星 · 时效{rating.timeliness}星 · 质量{rating.quality}星
          </Text>
          {rating.comment ? <Text className="detail-text">“{rating.comment}”</Text> : null}
        </View>
      ) : null}
      {instructions.length > 0 ? (
        <View className="detail-block">
          <Text className="card-title">社区督办</Text>
          {instructions.map((i) => (
            <View key={i.seq} className="detail-entry">
              <Text className="detail-text">
                {dateTime(i.at)} 督办{i.to === 'worker' ? '服务队员' : '物业调度'}：{i.text}
                {i.dueAt ? `（${dateTime(i.dueAt)}前）` : ''}
              </Text>
              {i.answer ? (
                <Text className="detail-answer">
                  {dateTime(i.answer.at)} 回复：{i.answer.text}
                </Text>
              ) : (
                <Text className={i.overdue ? 'detail-overdue' : 'muted'}>{i.overdue ? '超时未回复' : '待回复'}</Text>
              )}
            </View>
          ))}
        </View>
      ) : null}
      {order.complaints.length > 0 ? (
        <View className="detail-block">
          <Text className="card-title">投诉</Text>
          {order.complaints.map((c) => (
            <View key={c.seq} className="detail-entry">
              <Text className="detail-text">
                {dateTime(c.at)}：{c.text}
              </Text>
              {c.answer ? (
                <Text className="detail-answer">
                  {dateTime(c.answer.at)} 社区答复：{c.answer.text}
                </Text>
              ) : (
                <Text className="muted">等待社区答复</Text>
              )}
            </View>
          ))}
        </View>
      ) : null}
      {order.returnVisits.length > 0 ? (
        <View className="detail-block">
          <Text className="card-title">回访记录</Text>
          {order.returnVisits.map((v) => (
            <Text key={`${v.at}-${v.by}`} className="detail-text">
              {dateTime(v.at)}：{v.reached ? '已联系上' : '未联系上'}
              {v.satisfied === true ? '，满意' : v.satisfied === false ? '，不满意' : ''}
              {v.notes ? `。${v.notes}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function Line({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <View className="detail-line">
      <Text className="detail-label">{label}</Text>
      <Text className="detail-value">{value}</Text>
    </View>
  );
}

/** The party grid on an order: who ordered for the household (代下单), its paired party member, 志愿服务. */
function GridLines({ order }: { readonly order: OrderView }) {
  return (
    <>
      {order.proxy ? <Line label="代下单" value={`${order.proxy.name}（${PROXY_LABELS[order.proxy.relation]}）`} /> : null}
      {order.partyMember ? <Line label="结对党员" value={order.partyMember.name} /> : null}
      {order.volunteer ? (
        <Line label="服务性质" value={`志愿服务（免费）${typeof order.volunteerHours === 'number' ? ` · ${order.volunteerHours}小时` : ''}`} />
      ) : null}
    </>
  );
}
