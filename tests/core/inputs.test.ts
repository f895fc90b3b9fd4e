import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS, ORDER_FORMS, parse } from '@core';
import * as v from 'valibot';
import { codePoints, str } from '@core/contract/fields';
import { NOW } from './fixtures';

const valid = { serviceItemId: 's1', householdId: 'h1', description: '水管漏水', timeWindow: { from: NOW, to: NOW + 3_600_000 } };
const problem = (value: unknown) => {
  const r = parse(ORDER_FORMS.create, value);
  return r.ok ? null : r.error;
};

describe('order input validation', () => {
  it('accepts a complete order and fills optional fields', () => {
    const r = parse(ORDER_FORMS.create, valid);
    expect(r.ok && r.value).toMatchObject({ ...valid, photos: [], contactName: undefined });
  });

  it.each([
    ['a missing field', { ...valid, description: undefined }, 'description'],
    ['a wrong type', { ...valid, householdId: 42 }, 'householdId'],
    ['an unknown field', { ...valid, isAdmin: true }, 'isAdmin'],
    ['a __proto__ key', JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(valid).slice(1)}`), '__proto__'],
    ['a __proto__ key inside a nested object', JSON.parse(JSON.stringify(valid).replace('"from"', '"__proto__":{},"from"')), 'timeWindow.__proto__'],
    ['an array where an object belongs', { ...valid, timeWindow: [] }, 'timeWindow'],
    ['an oversized description', { ...valid, description: '修'.repeat(501) }, 'description'],
    ['an empty description', { ...valid, description: '   ' }, 'description'],
    ['control characters', { ...valid, description: 'a\u202Eb' }, 'description'],
    ['a zero-width space', { ...valid, description: '\u200b=1+1 漏水' }, 'description'],
    ['a byte-order mark inside the text', { ...valid, description: '漏\ufeff水' }, 'description'],
    ['ten photos', { ...valid, photos: Array.from({ length: 10 }, (_, i) => `f${i}`) }, 'photos'],
    ['seconds instead of milliseconds', { ...valid, timeWindow: { from: 1_700_000_000, to: NOW } }, 'timeWindow.from'],
    ['a bad phone number', { ...valid, contactPhone: '12345' }, 'contactPhone'],
  ])('refuses %s, naming the field', (_name, value, field) => {
    const error = problem(value);
    expect(error?.code).toBe('INPUT.INVALID');
    expect(Object.keys(error?.details ?? {})).toEqual([field]);
  });

  it('reports every problem at once, each under its field path', () => {
    const error = problem({ ...valid, description: '', timeWindow: { from: 'soon', to: 1_700_003_600 }, photos: ['ok', 7], extra: 1 });
    expect(error?.details).toEqual({
      description: '不能为空',
      'timeWindow.from': '应为1577836800000到4102444800000之间的整数',
      'timeWindow.to': '应为1577836800000到4102444800000之间的整数',
      'photos[1]': '应为文字',
      extra: '不认识的字段',
    });
  });

  it('names every unknown key, not only the first, and an own __proto__ among them', () => {
    const event = JSON.parse(`{"isAdmin":true,"__proto__":{},${JSON.stringify(valid).slice(1, -1)},"timeWindow2":1}`);
    // fromEntries, because `__proto__:` in an object literal would set the prototype rather than a key.
    const expected = Object.fromEntries(['isAdmin', '__proto__', 'timeWindow2'].map((key) => [key, '不认识的字段']));
    const details = problem(event)?.details ?? {};
    expect(Object.keys(details)).toEqual(['isAdmin', '__proto__', 'timeWindow2']);
    expect(details).toEqual(expected);
  });

  it('treats null like an absent optional field, defaults included, and trims text', () => {
    const r = parse(ORDER_FORMS.create, { ...valid, description: '  水管漏水  ', photos: null, contactName: null });
    expect(r.ok && r.value).toMatchObject({ description: '水管漏水', photos: [], contactName: undefined });
    const cancel = parse(ACTION_INPUTS.cancel, { reason: null });
    expect(cancel.ok && cancel.value).toEqual({ reason: '' });
  });

  it('never lets a parsed value inherit from the wire', () => {
    const r = parse(ACTION_INPUTS.cancel, JSON.parse('{"reason":"x"}'));
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('counts characters, not UTF-16 units, against limits (a complaint: 200)', () => {
    expect(parse(ACTION_INPUTS.complain, { text: '😀'.repeat(200) }).ok).toBe(true);
    expect(parse(ACTION_INPUTS.complain, { text: '😀'.repeat(201) }).ok).toBe(false);
  });

  it('counts a pair of surrogates as one character and a lone surrogate as one, at both ends of a limit', () => {
    expect(codePoints('')).toBe(0);
    expect(codePoints('水管😀漏水')).toBe(5);
    expect(codePoints('\ud83d')).toBe(1);
    expect(codePoints('a\ude00\ud83d')).toBe(3);
    expect(codePoints('😀😀😀\ud83d')).toBe(4);
    // A minimum met only by counting: one emoji is one character of at least two.
    const name = str({ min: 2, max: 4 });
    expect(v.safeParse(name, '😀').success).toBe(false);
    expect(v.safeParse(name, '😀😀').success).toBe(true);
    expect(v.safeParse(name, '😀😀😀😀').success).toBe(true);
    expect(v.safeParse(name, '😀😀😀😀😀').success).toBe(false);
    expect(v.safeParse(name, '张三丰五六').success).toBe(false);
  });

  it('keeps emoji made of zero-width joiners and line breaks in a comment', () => {
    expect(parse(ACTION_INPUTS.complain, { text: '师傅很好👨\u200d👩\u200d👧\n谢谢' }).ok).toBe(true);
  });

  it('checks star ratings are whole numbers from 1 to 5', () => {
    const rating = { attitude: 5, timeliness: 5, quality: 5 };
    expect(parse(ACTION_INPUTS.confirm, rating).ok).toBe(true);
    expect(parse(ACTION_INPUTS.confirm, { ...rating, quality: 6 }).ok).toBe(false);
    expect(parse(ACTION_INPUTS.confirm, { ...rating, quality: 4.5 }).ok).toBe(false);
  });
});
