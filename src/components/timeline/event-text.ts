import {
  eventDetailsFor,
  eventTitleOf,
  ROLE_LABELS,
  STAGE_LABELS,
  STATE_LABELS,
  type Assignment,
  type Audience,
  type OrderEvent,
  type Stage,
  type TimeWindow,
} from '@core';
import { dateTime, windowText } from '@/components/format';

/** Names of teams and people, when the caller's role may know them. */
export type Names = ReadonlyMap<string, string>;

/** What happened, in this audience's words (core/event-texts.ts); null when they do not see the event. */
export const eventTitle = (e: OrderEvent, audience: Audience = 'staff'): string | null => eventTitleOf(e, audience);

export const actorText = (e: OrderEvent): string => (e.actorRole === 'system' ? '系统' : ROLE_LABELS[e.actorRole]);

/** The state change under an event ("待派单 → 待接单"); an order's first event names where it started, not an arrow from nothing. */
export const moveText = (e: OrderEvent): string | null =>
  e.from === null ? `状态：${STATE_LABELS[e.to]}` : e.from !== e.to ? `${STATE_LABELS[e.from]} → ${STATE_LABELS[e.to]}` : null;

export function assignmentText(a: Assignment | null | undefined, names: Names): string {
  if (!a) return '无';
  const team = names.get(a.teamId);
  if (a.mode === 'pool') return `${team ?? '服务队'}（队内抢单）`;
  const worker = names.get(a.workerId) ?? '服务队员';
  return team ? `${team} · ${worker}` : worker;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isAssignment = (v: unknown): v is Assignment => typeof v === 'object' && v !== null && 'mode' in v && 'teamId' in v;

/**
 * The details an event carries, one line each ("原因：家中无人"). User text is returned as text and
 * rendered as text, never as markup.
 */
export function payloadLines(e: OrderEvent, names: Names, audience: Audience = 'staff'): string[] {
  if (!eventDetailsFor(e.action, audience)) return [];
  const p = e.payload;
  const lines: string[] = [];
  if (isAssignment(p.previous)) lines.push(`原处理：${assignmentText(p.previous, names)}`);
  if (isAssignment(p.assignment)) lines.push(`派给：${assignmentText(p.assignment, names)}`);
  if (str(p.reason)) lines.push(`原因：${str(p.reason)}`);
  if (str(p.redirect)) lines.push(`建议：${str(p.redirect)}`);
  if (typeof p.count === 'number') lines.push(`第 ${p.count} 次催单`);
  if (typeof p.quality === 'number') lines.push(`评价：态度${String(p.attitude)}星 · 时效${String(p.timeliness)}星 · 质量${String(p.quality)}星`);
  if (str(p.comment)) lines.push(`评语：${str(p.comment)}`);
  if (str(p.notes)) lines.push(`说明：${str(p.notes)}`);
  if (Array.isArray(p.photos) && p.photos.length > 0) lines.push(`照片 ${p.photos.length} 张`);
  if (e.action === 'instruct') {
    lines.push(`督办对象：${p.to === 'worker' ? '服务队员' : '物业调度'}`);
    if (typeof p.dueAt === 'number') lines.push(`限期：${dateTime(p.dueAt)}前`);
  }
  if (str(p.text)) lines.push(`${e.action === 'reply' ? '回复' : e.action === 'answer' ? '社区答复' : '内容'}：${str(p.text)}`);
  if (e.action === 'revisit') {
    lines.push(p.reached ? '已联系上居民' : '未联系上居民');
    if (p.satisfied === true) lines.push('居民满意');
    if (p.satisfied === false) lines.push('居民不满意');
  }
  if (e.action === 'create' && p.onBehalf === true) lines.push(`代为下单${str(p.proxy) ? `（${str(p.proxy)}）` : ''}`);
  if (typeof p.hours === 'number') lines.push(`志愿服务时长：${p.hours}小时`);
  lines.push(...bookingLines(e));
  if (typeof p.stage === 'string' && Object.hasOwn(STAGE_LABELS, p.stage)) {
    lines.push(`${STAGE_LABELS[p.stage as Stage]}时限：${typeof p.dueAt === 'number' ? dateTime(p.dueAt) : ''}`);
  }
  if (e.action === 'escalate') lines.push(p.level === 3 ? '已升级至社区书记' : '已升级至社区督单');
  if (e.action === 'instruction_overdue') lines.push(`督办限期${typeof p.dueAt === 'number' ? ` ${dateTime(p.dueAt)}` : ''}已过，仍未回复`);
  if (e.action === 'auto_close') lines.push('居民未在时限内确认，系统自动办结，不计为评价');
  return lines;
}

const isWindow = (v: unknown): v is TimeWindow =>
  typeof v === 'object' && v !== null && typeof (v as TimeWindow).from === 'number' && typeof (v as TimeWindow).to === 'number';

/** "1小时30分": how long an order waited on the resident. */
function heldText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}小时${minutes % 60 ? `${minutes % 60}分` : ''}` : `${minutes}分钟`;
}

/** 改约 and waiting on the resident: the times moved, and when the clocks stood still. */
function bookingLines(e: OrderEvent): string[] {
  const p = e.payload;
  const lines: string[] = [];
  if (e.action === 'reschedule' || e.action === 'accept_time') {
    if (isWindow(p.previous)) lines.push(`原预约：${windowText(p.previous)}`);
    if (isWindow(p.timeWindow)) lines.push(`改到：${windowText(p.timeWindow)}`);
  }
  if (e.action === 'propose_time') {
    if (isWindow(p.timeWindow)) lines.push(`提议改到：${windowText(p.timeWindow)}`);
    lines.push('居民确认前暂停计时');
  }
  if (p.proposalLapsed === true) lines.push('改期提议随之结束，无需再确认');
  if (e.action === 'refuse_time') lines.push('维持原预约时间');
  if (typeof p.since === 'number' && typeof p.heldMs === 'number') {
    lines.push(`等待居民 ${heldText(p.heldMs)}（${dateTime(p.since)} 起），不计入服务队用时`);
  }
  return lines;
}
