import { describe, expect, it } from 'vitest';
import { describeChange, nextRev, saveTeam, type ServiceTeam, type User } from '@core';

describe('revisions of what the admin manages', () => {
  it('start at 1 for a new document and count up from the stored one', () => {
    expect(nextRev(null, {}, '楼栋')).toEqual({ ok: true, value: 1 });
    expect(nextRev({ id: 'b1' }, { id: 'b1', rev: 0 }, '楼栋')).toEqual({ ok: true, value: 1 });
    expect(nextRev({ id: 'b1', rev: 4 }, { id: 'b1', rev: 4 }, '楼栋')).toEqual({ ok: true, value: 5 });
  });

  it('refuse a change made on an older revision, and a change of nothing', () => {
    expect(nextRev({ id: 'b1', rev: 4 }, { id: 'b1', rev: 3 }, '楼栋')).toMatchObject({ ok: false, error: { code: 'MANAGE.STALE' } });
    expect(nextRev(null, { id: 'b1', rev: 0 }, '楼栋')).toMatchObject({ ok: false, error: { code: 'MANAGE.NOT_FOUND', message: '楼栋不存在或不属于本社区' } });
  });
});

describe('what the audit log says changed', () => {
  it('names each field that moved, old → new, in the admin’s words', () => {
    const before = { name: '1号楼', members: ['a'] };
    expect(describeChange(before, { name: '一号楼', members: ['a', 'b'] }, { name: ['名称'], members: ['队员'] })).toBe('名称：1号楼→一号楼；队员：a→a、b');
    expect(describeChange(before, before, { name: ['名称'] })).toBe('未改动');
    expect(describeChange(null, before, { name: ['名称'] })).toBe('新增');
  });
});

describe('a team', () => {
  const worker = { id: 'w1', communityId: 'c1', roles: ['worker'] } as unknown as User;
  const other: ServiceTeam = { id: 't9', communityId: 'c1', companyId: null, name: '社区志愿队', categories: ['meal'], memberIds: [], dispatchMode: 'pool' };
  const input = {
    id: undefined,
    rev: undefined,
    name: '送餐队',
    companyId: 'pc1',
    categories: ['meal' as const],
    memberIds: ['w1'],
    dispatchMode: 'rotation' as const,
  };
  const ctx = { newId: 't1', communityId: 'c1', stored: null, teams: [other], users: [worker], companyKnown: true };

  it('may not take a category automatically that another automatic team already takes for the same company', () => {
    expect(saveTeam(input, ctx)).toMatchObject({ ok: false, error: { code: 'TEAM.MODE_CONFLICT' } });
    expect(saveTeam({ ...input, dispatchMode: 'dispatcher' }, ctx)).toMatchObject({ ok: true });
    expect(saveTeam(input, { ...ctx, teams: [{ ...other, dispatchMode: 'dispatcher' }] })).toMatchObject({
      ok: true,
      value: { dispatchMode: 'rotation', rev: 1 },
    });
  });
});
