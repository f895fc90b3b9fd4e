import { describe, expect, it } from 'vitest';
import {
  ACTION_TYPES,
  EVENT_TEXTS,
  ROUTING_EVENTS,
  SWEEP_MARKS,
  SYSTEM_ACTION_TYPES,
  clockFor,
  eventDetailsFor,
  eventTitleFor,
  HOUR,
  sweepOrder,
  type Community,
} from '@core';
import { NOW, order } from './fixtures';

/** Words that belong to the back office: a resident reading them learns nothing and worries. */
const INTERNAL = ['派单', '超时', '升级', '督办', '居民', '→', '环节', '截止', '督单', '抢单', '转单', '退单'];

describe('what each timeline event says to each audience', () => {
  it('has a row for every event an order can record: creation (a service, or a 诉求 raised), each action, each system action and sweep mark', () => {
    const expected = ['create', 'raise', ...ACTION_TYPES, ...SYSTEM_ACTION_TYPES, ...SWEEP_MARKS, ...ROUTING_EVENTS].sort();
    expect(Object.keys(EVENT_TEXTS).sort()).toEqual(expected);
  });

  it('covers every action the deadline sweep records', () => {
    const community: Community = {
      id: 'c1',
      name: '幸福里社区',
      secretaryUserId: 'secretary',
      settings: { defaultDeadlines: order().sla, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: 60 },
    };
    const waiting = order({
      createdAt: NOW,
      clock: clockFor('pending_dispatch', order().sla, NOW),
      instructions: [{ seq: 1, text: '请今天处理', to: 'dispatcher', dueAt: NOW + HOUR, at: NOW, by: 'supervisor', answer: null, overdue: false }],
    });
    const swept = sweepOrder(waiting, community, NOW + 30 * 24 * HOUR);
    const actions = swept?.events.map((e) => e.action) ?? [];
    expect(actions).toEqual(expect.arrayContaining(['overdue', 'escalate', 'instruction_overdue']));
    for (const a of actions) expect(Object.hasOwn(EVENT_TEXTS, a)).toBe(true);
  });

  it.each(Object.entries(EVENT_TEXTS))('never shows a resident internal terms for %s', (_action, words) => {
    for (const term of INTERNAL) expect(words.resident ?? '').not.toContain(term);
  });

  it('tells a resident that the community is pressing, never the 督办 itself or its lapse', () => {
    expect(eventTitleFor('instruct', 'resident')).toBe('社区正在督促处理');
    expect(eventDetailsFor('instruct', 'resident')).toBe(false);
    expect(eventTitleFor('reply', 'resident')).toBeNull();
    expect(eventTitleFor('instruction_overdue', 'resident')).toBeNull();
    expect(eventTitleFor('escalate', 'resident')).toBe('社区正在督促处理');
  });

  it('speaks to the resident about their own doings in the second person', () => {
    expect(eventTitleFor('create', 'resident')).toBe('您已下单');
    expect(eventTitleFor('urge', 'resident')).toMatch(/^您/);
    expect(eventDetailsFor('urge', 'resident')).toBe(false);
  });

  it('keeps the domain words for staff, with every detail', () => {
    expect(eventTitleFor('dispatch', 'staff')).toBe('派单');
    expect(eventTitleFor('escalate', 'staff')).toBe('超时升级');
    expect(eventDetailsFor('instruct', 'staff')).toBe(true);
  });

  it('hides an event it does not know from residents, and names it to staff', () => {
    expect(eventTitleFor('something_new', 'resident')).toBeNull();
    expect(eventTitleFor('something_new', 'staff')).toBe('something_new');
  });
});
