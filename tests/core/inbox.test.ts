import { describe, expect, it } from 'vitest';
import { groupInbox, markRead, messageData, messageStepOf, NOTHING_READ, READ_MARKS_KEPT, unreadCount } from '@core';

const n = (id: string, orderId: string, at: number, about: string | null = `服务${orderId}`) => ({ id, orderId, at, about, text: id });

describe('the inbox (core/inbox.ts)', () => {
  it('groups messages per order, the order with the newest message first, each newest first', () => {
    const groups = groupInbox([n('a', 'o1', 1), n('b', 'o2', 3), n('c', 'o1', 2)], NOTHING_READ);
    expect(groups.map((g) => [g.orderId, g.items.map((i) => i.id), g.unread])).toEqual([
      ['o2', ['b'], 1],
      ['o1', ['c', 'a'], 2],
    ]);
    expect(groups[1]?.about).toBe('服务o1');
  });

  it('counts as unread only what came after the order, or everything, was last read', () => {
    const items = [n('a', 'o1', 10), n('b', 'o1', 20), n('c', 'o2', 15)];
    expect(unreadCount(items, { all: null, orders: { o1: 10 } })).toBe(2);
    expect(unreadCount(items, { all: 15, orders: {} })).toBe(1);
    expect(unreadCount(items, { all: 15, orders: { o1: 20 } })).toBe(0);
  });

  it('marking everything read drops the per-order marks it covers', () => {
    expect(markRead({ all: null, orders: { o1: 5, o2: 6 } }, null, 10)).toEqual({ all: 10, orders: {} });
    expect(markRead({ all: 10, orders: {} }, 'o1', 12)).toEqual({ all: 10, orders: { o1: 12 } });
  });

  it('keeps no more per-order marks than READ_MARKS_KEPT, the newest', () => {
    let reads = NOTHING_READ;
    for (let i = 0; i < READ_MARKS_KEPT + 5; i++) reads = markRead(reads, `o${i}`, i);
    expect(Object.keys(reads.orders)).toHaveLength(READ_MARKS_KEPT);
    expect(reads.orders.o0).toBeUndefined();
    expect(reads.orders[`o${READ_MARKS_KEPT + 4}`]).toBe(READ_MARKS_KEPT + 4);
  });
});

describe('subscribe messages (core/messages.ts)', () => {
  it.each([
    [['accept'], 'accepted'],
    [['grab'], 'accepted'],
    [['start'], 'started'],
    [['complete'], 'completed'],
    [['refuse'], 'refused'],
    [['dispatch'], 'assigned'],
    [['instruct'], 'instructed'],
    [['overdue', 'escalate'], 'overdue'],
    [['instruction_overdue'], 'overdue'],
    [['create'], null],
    [['urge'], null],
    [['confirm'], null],
  ])('events %j are the step %s', (actions, step) => {
    expect(messageStepOf(actions.map((action) => ({ action })))).toBe(step);
  });

  it('fits WeChat’s value limits: thing ≤ 20 characters, phrase ≤ 5', () => {
    const data = messageData(
      'accepted',
      { id: 'o1', number: '1130-007', serviceName: '上门照料（助浴、打扫、陪同就医、代购）长期服务' },
      '师傅已接单，将按约定时间上门服务，请保持电话畅通',
      0,
    );
    expect(data.character_string1?.value).toBe('1130-007');
    expect(Array.from(data.thing2?.value ?? '').length).toBeLessThanOrEqual(20);
    expect(Array.from(data.thing4?.value ?? '').length).toBeLessThanOrEqual(20);
    expect(Array.from(data.phrase3?.value ?? '').length).toBeLessThanOrEqual(5);
    expect(data.time5?.value).toBe('1970-01-01 08:00');
  });
});
