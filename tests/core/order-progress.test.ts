import { describe, expect, it } from 'vitest';
import { clockFor, HOUR, MINUTE, progressLine, type Order } from '@core';
import { order } from './fixtures';

/** 2026-11-30 05:00 China time (UTC+8). */
const NOW = Date.UTC(2026, 10, 29, 21, 0);
/** Tomorrow 08:00–12:00 China time. */
const TOMORROW_MORNING = { from: Date.UTC(2026, 11, 1, 0, 0), to: Date.UTC(2026, 11, 1, 4, 0) };

const at = (overrides: Partial<Order>) => progressLine(order({ timeWindow: TOMORROW_MORNING, ...overrides }), NOW);
const clock = (state: Order['state'], level: 0 | 1 | 2 | 3 = 0, enteredAt = NOW - 2 * HOUR + 19 * MINUTE) => ({
  ...clockFor(state, order().sla, enteredAt)!,
  level,
});

describe('the one progress line a resident reads', () => {
  it('says the property is arranging someone, and by when', () => {
    // order().sla gives dispatch 120 minutes: entered 03:19, due 05:19 China time.
    expect(at({ state: 'pending_dispatch', clock: clock('pending_dispatch') })).toEqual({ text: '物业正在安排人员（05:19前）', tone: 'waiting' });
  });

  it('names the day when the deadline is not today', () => {
    const line = at({ state: 'pending_dispatch', clock: { ...clock('pending_dispatch'), dueAt: TOMORROW_MORNING.from } });
    expect(line.text).toBe('物业正在安排人员（明天08:00前）');
  });

  it('says the worker accepted and when they come', () => {
    expect(at({ state: 'accepted', clock: clock('accepted') })).toEqual({ text: '师傅已接单 · 明天08:00–12:00上门', tone: 'active' });
  });

  it('says the community is pressing once escalated or a 督办 is open, without internal terms', () => {
    expect(at({ state: 'pending_dispatch', clock: clock('pending_dispatch', 2) }).text).toBe('社区正在督促处理');
    const instruction = { seq: 3, text: '请今天派人', to: 'dispatcher' as const, dueAt: null, at: NOW, by: 's', answer: null, overdue: false };
    expect(at({ state: 'accepted', clock: clock('accepted'), instructions: [instruction] }).text).toBe('社区正在督促处理');
  });

  it('says someone is hurrying once a stage is late, not that it is overdue', () => {
    const line = at({ state: 'pending_dispatch', clock: clock('pending_dispatch', 1) });
    expect(line.text).toBe('物业正在加紧安排人员');
    expect(line.text).not.toMatch(/超时|派单/);
  });

  it('asks the resident to confirm once the work is done', () => {
    expect(at({ state: 'pending_confirm', clock: clock('pending_confirm') }).tone).toBe('attention');
    expect(at({ state: 'pending_confirm', clock: clock('pending_confirm') }).text).toMatch(/^服务已完成，请确认并评价/);
  });

  it('reads ended orders plainly', () => {
    expect(at({ state: 'closed', clock: null, rating: { attitude: 5, timeliness: 4, quality: 5, comment: '' } }).text).toBe('已办结 · 感谢您的评价');
    expect(at({ state: 'closed', clock: null, autoClosed: true }).text).toMatch(/自动办结/);
    expect(at({ state: 'cancelled', clock: null }).text).toBe('工单已取消');
    expect(at({ state: 'refused', clock: null }).text).toBe('物业无法受理这项服务');
  });
});

describe('the progress line of a 诉求', () => {
  const grievance = (overrides: Partial<Order>) => at({ kind: 'grievance', ...overrides });

  it('speaks of the request being handled, never of a 师傅 coming or a service done', () => {
    expect(grievance({ state: 'pending_dispatch', clock: clock('pending_dispatch') })).toEqual({
      text: '社区已收到您的诉求，正在安排办理（05:19前）',
      tone: 'waiting',
    });
    expect(grievance({ state: 'accepted', clock: clock('accepted') }).text).toBe('服务队正在办理您的诉求');
    expect(grievance({ state: 'pending_confirm', clock: clock('pending_confirm') }).text).toMatch(/^办理结果已出，请确认并评价/);
    expect(grievance({ state: 'cancelled', clock: null }).text).toBe('诉求已撤回');
    for (const state of ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'referred', 'pending_confirm', 'closed', 'refused'] as const)
      expect(grievance({ state, clock: null }).text).not.toMatch(/师傅|上门|服务已完成|物业/);
  });

  it('still says the community is pressing once escalated', () => {
    expect(grievance({ state: 'referred', clock: clock('pending_dispatch', 2) }).text).toBe('社区正在督促处理');
  });
});
