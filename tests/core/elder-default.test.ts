import { describe, expect, it } from 'vitest';
import { elderModeFor, LARGE_WECHAT_FONT_PX } from '../../src/hooks/elder-default';
import { defaultTime, elderDescription } from '../../src/resident/pages/create/quick-needs';

describe("长辈模式 follows WeChat's font setting", () => {
  it.each([
    [null, undefined, false, 'H5, or a client too old to say: off until switched on'],
    [null, 17, false, "WeChat's standard text"],
    [null, LARGE_WECHAT_FONT_PX, true, 'large WeChat text'],
    [null, 23.8, true, 'WeChat 关怀模式'],
    [false, 23.8, false, 'the user switched it off: their choice wins'],
    [true, 17, true, 'the user switched it on'],
  ] as const)('choice %s, WeChat font %s px → %s (%s)', (choice, font, on, _why) => {
    expect(elderModeFor(choice, font)).toBe(on);
  });
});

describe('an elder-mode order needs no typing', () => {
  it('describes the order by the tapped needs, the words added, or else the service itself', () => {
    expect(elderDescription('爱心午餐送餐', ['午餐', '少盐少油'], '')).toBe('午餐、少盐少油');
    expect(elderDescription('爱心午餐送餐', ['晚餐'], ' 不要辣 ')).toBe('晚餐；不要辣');
    expect(elderDescription('上门照料', [], '')).toBe('上门照料');
  });

  // China time (UTC+8), as the kitchen and the visits keep it, whatever zone the tests run in.
  const at = (h: number, m = 0) => Date.UTC(2026, 10, 30, h - 8, m);
  const today = Date.UTC(2026, 10, 29, 16);
  const tomorrow = Date.UTC(2026, 10, 30, 16);
  it.each([
    ['meal', at(8), today, 11, 'a meal ordered in the morning comes at lunch'],
    ['meal', at(10, 30), today, 17, 'too late for lunch: dinner'],
    ['meal', at(17), tomorrow, 11, "after dinner's last order: tomorrow's lunch"],
    ['homecare', at(7), today, 8, 'a visit at the next daytime slot an hour ahead'],
    ['homecare', at(9, 30), today, 14, '10:00 is too soon to send someone: the afternoon'],
    ['homecare', at(16), tomorrow, 8, 'after the last slot: tomorrow morning'],
  ] as const)('%s at %s → day %s from %s:00 (%s)', (category, now, day, from, _why) => {
    expect(defaultTime(category, now)).toMatchObject({ key: 'custom', day, slot: { from } });
  });

  it('sends a repair as soon as possible', () => {
    expect(defaultTime('repair', at(9)).key).toBe('asap');
  });
});
