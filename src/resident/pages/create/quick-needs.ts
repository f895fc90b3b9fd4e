import { chinaAt, chinaParts, type ServiceCategory } from '@core';
import type { TimeChoice } from '@/components/time-window';

/** Needs an elderly resident taps instead of typing, per kind of service (长辈模式). */
export const QUICK_NEEDS: Readonly<Record<ServiceCategory, readonly string[]>> = {
  meal: ['午餐', '晚餐', '少盐少油', '软烂好嚼'],
  homecare: ['助浴', '保洁', '陪同就医', '翻身护理'],
  daycare: ['全天', '只吃午饭', '需要接送'],
  companion: ['陪同就医', '代取药品', '陪同散步'],
  repair: ['水管漏水', '停电跳闸', '门锁坏了', '灯不亮'],
  cleaning: ['厨房', '卫生间', '全屋'],
  other: ['代买药品', '代买菜', '代缴费用'],
};

/**
 * The description an elder-mode order carries: the tapped needs and any words added, or the
 * service's own name when the resident chose nothing (the description is optional for them).
 */
export function elderDescription(serviceName: string, needs: readonly string[], extra: string): string {
  const parts = [needs.join('、'), extra.trim()].filter((p) => p.length > 0);
  return parts.length > 0 ? parts.join('；') : serviceName;
}

const HOUR = 3_600_000;
/** The hour of the day, China time (a meal's or a visit's slot is a China hour). */
const hourOf = (t: number) => {
  const { hour, minute } = chinaParts(t);
  return hour + minute / 60;
};
const dayStart = (t: number, plusDays: number) => chinaAt(t, plusDays, 0);
/** Meals come at mealtime; a lunch ordered after 10:00 is too late to cook, so dinner is next. */
const MEALS = [
  { from: 11, to: 13, lastOrder: 10 },
  { from: 17, to: 19, lastOrder: 16 },
] as const;
/** Visits: daytime two-hour slots, at least an hour ahead so someone can be sent. */
const VISITS = [
  { from: 8, to: 10 },
  { from: 10, to: 12 },
  { from: 14, to: 16 },
  { from: 16, to: 18 },
] as const;

/** The next sensible slot for a kind of service, preselected so ordering needs no choice of time. */
export function defaultTime(category: ServiceCategory, now: number): TimeChoice {
  const h = hourOf(now);
  if (category === 'meal') {
    const meal = MEALS.find((m) => h < m.lastOrder);
    return meal
      ? { key: 'custom', day: dayStart(now, 0), slot: { from: meal.from, to: meal.to } }
      : { key: 'custom', day: dayStart(now, 1), slot: { from: 11, to: 13 } };
  }
  // Repairs are wanted now; care and errands at the next daytime slot.
  if (category === 'repair') return { key: 'asap', day: null, slot: null };
  const visit = VISITS.find((v) => now + HOUR <= dayStart(now, 0) + v.from * HOUR);
  return visit ? { key: 'custom', day: dayStart(now, 0), slot: { ...visit } } : { key: 'custom', day: dayStart(now, 1), slot: { from: 8, to: 10 } };
}
