import { describe, expect, it } from 'vitest';
import { DAY, HOUR, ZERO_SUMS, dailyTooSparse, dayKeys, publicCase, rollingRates, type MetricSums } from '@core';
import { NOW, order } from './fixtures';

const sums = (orders: number, satisfied: number): MetricSums => ({ ...ZERO_SUMS, orders, respondedOnTime: orders, rated: orders, satisfied });

describe('rolling seven-day rates', () => {
  it('adds up the day and the six before it, and leaves a window without orders empty', () => {
    const daily = [
      { key: '2026-11-01', sums: sums(1, 1) },
      { key: '2026-11-04', sums: sums(3, 0) },
    ];
    const rolled = rollingRates(daily, ['2026-10-31', '2026-11-01', '2026-11-04', '2026-11-07', '2026-11-08', '2026-11-11']);
    expect(rolled.map((d) => [d.key, d.rates?.orders ?? null, d.rates?.satisfactionRate ?? null])).toEqual([
      ['2026-10-31', null, null],
      ['2026-11-01', 1, 1],
      ['2026-11-04', 4, 0.25],
      ['2026-11-07', 4, 0.25],
      ['2026-11-08', 3, 0], // the 1st has left the window
      ['2026-11-11', null, null],
    ]);
  });

  it('lists every China-time day from the first to the last moment', () => {
    const from = Date.UTC(2026, 10, 1) - 8 * HOUR; // 1 November, 00:00 in China
    expect(dayKeys(from, from + 2 * DAY + 5 * HOUR)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
  });

  it.each([
    [[1, 2, 0, 3], true],
    [[6, 4, 0, 8], false],
    [[0, 0], false],
  ])('calls daily figures of %j orders too sparse to read by day: %s', (orders, sparse) => {
    expect(dailyTooSparse(orders.map((n) => ({ rates: { orders: n } })))).toBe(sparse);
  });
});

describe('a finished case on the public board', () => {
  const rated = { attitude: 5, timeliness: 4, quality: 4, comment: '张阿姨很耐心' };
  const done = (over = {}) =>
    order({ state: 'closed', rating: rated, completion: { notes: '已完成', photos: [], at: NOW + 2 * HOUR }, closedAt: NOW + 3 * HOUR, ...over });

  it('keeps the service, the compound, the time from the wanted start to completion and the average stars', () => {
    expect(publicCase(done())).toEqual({ service: done().serviceName, compound: done().address.compoundName, day: '2026-11-28', tookMinutes: 120, stars: 4.3 });
  });

  it('counts from the booked start when the resident booked for later', () => {
    expect(publicCase(done({ timeWindow: { from: NOW + HOUR, to: NOW + 3 * HOUR } }))?.tookMinutes).toBe(60);
  });

  it('names only the category of a care service, and carries no comment, description or person', () => {
    const care = publicCase(done({ category: 'companion', serviceName: '就医陪护' }));
    expect(care?.service).toBe('陪护');
    const text = JSON.stringify(care);
    for (const secret of ['就医', '张阿姨', done().description, done().contactName, done().address.door]) expect(text).not.toContain(secret);
  });

  it.each([
    ['an open order', { state: 'accepted' }],
    ['an unrated one', { rating: null }],
    ['one the sweep closed unconfirmed', { autoClosed: true }],
  ])('is not made of %s', (_label, over) => {
    expect(publicCase(done(over))).toBeNull();
  });
});
