import { describe, expect, it } from 'vitest';
import { doorOf, exportRows, locateColumns, planImport, splitDoor, type Building, type Compound, type Household, type User } from '@core';

const compounds: Compound[] = [{ id: 'cp1', communityId: 'c1', name: '阳光小区', companyId: 'pc1' }];
const buildings: Building[] = [{ id: 'b1', compoundId: 'cp1', name: '1号楼' }];
const households: Household[] = [
  { id: 'h1', communityId: 'c1', compoundId: 'cp1', buildingId: 'b1', door: '2单元301', contactName: '张秀兰', contactPhone: '13800001111' },
];
const users: User[] = [
  {
    id: 'u1',
    openid: 'wx-1',
    communityId: 'c1',
    name: '张秀兰',
    phone: '13800001111',
    roles: ['resident'],
    householdIds: ['h1'],
    companyId: null,
    onDuty: false,
    maxOpenOrders: 5,
  },
];
const HEADER = ['小区', '楼栋', '单元', '门牌', '姓名', '电话'];
const context = () => {
  let n = 0;
  return { communityId: 'c1', compounds, buildings, households, users, newId: (p: string) => `${p}-new${++n}`, defaultCompanyId: 'pc1' as string | null };
};

describe('reading the sheet communities keep', () => {
  it('finds the columns by the names communities use, in any order', () => {
    expect(locateColumns(['手机号', '户主', '房号', '楼号', '小区名称'])).toEqual({ ok: true, at: { 小区: 4, 楼栋: 3, 单元: -1, 门牌: 2, 姓名: 1, 电话: 0 } });
    expect(locateColumns(['小区', '姓名'])).toEqual({ ok: false, missing: ['楼栋', '门牌', '电话'] });
  });

  it('joins 单元 and 门牌 into one door, and splits it back for export', () => {
    expect(doorOf('2', '301')).toBe('2单元301');
    expect(doorOf('2单元', '301')).toBe('2单元301');
    expect(doorOf('', '2单元301')).toBe('2单元301');
    expect(splitDoor('2单元301')).toEqual({ unit: '2单元', door: '301' });
    expect(splitDoor('101')).toEqual({ unit: '', door: '101' });
  });
});

describe('the dry run', () => {
  it('lists every row with its problems, not only the first', () => {
    const plan = planImport(
      [
        HEADER,
        ['阳光小区', '1号楼', '2', '301', '张秀兰', '13800001111'],
        ['', '1号楼', '', '', '王五', '1380000'],
        ['阳光小区', '1号楼', '1', '102', '钱七', '13800001111'],
        ['阳光小区', '1号楼', '1', '103', '孙八', ''],
      ],
      context(),
    );
    expect(plan.rows.map((r) => [r.line, r.outcome, r.problems])).toEqual([
      [2, 'same', []],
      [3, 'problem', ['缺少小区', '缺少门牌', '电话“1380000”不是11位手机号']],
      [4, 'problem', ['电话与第2行相同，姓名却不同']],
      [5, 'problem', ['有姓名但缺少电话']],
    ]);
    expect(plan.counts).toEqual({ new: 0, update: 0, same: 1, problem: 3 });
  });

  it('adds a compound the community does not have yet, once, served by the default company, before its buildings', () => {
    const plan = planImport(
      [
        HEADER,
        ['月亮小区', '3号楼', '1', '101', '赵六', '13800005555'],
        [' 月亮 小区', '3号楼', '1', '102', '钱七', '13800006666'],
        ['阳光小区', '1号楼', '2', '301', '张秀兰', '13800001111'],
      ],
      context(),
    );
    expect(plan.compounds).toEqual([{ id: 'cp-new1', communityId: 'c1', name: '月亮小区', companyId: 'pc1', rev: 1 }]);
    expect(plan.buildings).toEqual([{ id: 'b-new2', compoundId: 'cp-new1', name: '3号楼', rev: 1 }]);
    expect(plan.households.map((h) => [h.compoundId, h.buildingId, h.door])).toEqual([
      ['cp-new1', 'b-new2', '1单元101'],
      ['cp-new1', 'b-new2', '1单元102'],
    ]);
    expect(plan.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'same']);
  });

  it('cannot add a compound while the community deals with no property company: those rows are problems', () => {
    const plan = planImport([HEADER, ['月亮小区', '3号楼', '1', '101', '赵六', '13800005555']], { ...context(), defaultCompanyId: null });
    expect(plan.rows.map((r) => [r.outcome, r.problems])).toEqual([['problem', ['小区“月亮小区”不存在，本社区还没有物业公司：请先在“小区与楼栋”中添加']]]);
    expect(plan.compounds).toEqual([]);
  });

  it('refuses a sheet without the required columns as a whole', () => {
    const plan = planImport([['姓名', '电话']], context());
    expect(plan.sheetProblem).toContain('表头缺少：小区、楼栋、门牌');
    expect(plan.rows).toEqual([]);
  });

  it('adds new buildings, households and residents, and binds a second resident to a household named before', () => {
    const plan = planImport(
      [
        HEADER,
        ['阳光小区', '3号楼', '1', '101', '赵六', '13800005555'],
        ['阳光小区', '3号楼', '1', '101', '赵小六', '13800006666'],
        ['阳光小区', '1号楼', '2', '301', '李四', '138 0000 7777'],
        ['阳光小区', '1号楼', '', '302', '', ''],
      ],
      context(),
    );
    expect(plan.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'new', 'new']);
    expect(plan.buildings).toEqual([{ id: 'b-new1', compoundId: 'cp1', name: '3号楼', rev: 1 }]);
    // 张秀兰 stays the contact of 2单元301: 李四 joins it without taking her place.
    expect(plan.households.map((h) => [h.buildingId, h.door, h.contactName])).toEqual([
      ['b-new1', '1单元101', '赵六'],
      ['b1', '302', ''],
    ]);
    const [zhao, zhaoJr, li] = plan.users;
    expect(zhao!.householdIds).toEqual(zhaoJr!.householdIds);
    expect(li).toMatchObject({ name: '李四', phone: '13800007777', roles: ['resident'], householdIds: ['h1'], openid: '' });
  });

  it('binds one person named on several rows to each of their households', () => {
    const plan = planImport(
      [HEADER, ['阳光小区', '1号楼', '2', '301', '张秀兰', '13800001111'], ['阳光小区', '1号楼', '5', '501', '张秀兰', '13800001111']],
      context(),
    );
    expect(plan.rows.map((r) => r.outcome)).toEqual(['same', 'new']);
    expect(plan.users.map((u) => [u.id, u.householdIds])).toEqual([['u1', ['h1', 'h-new1']]]);
  });

  it('updates instead of adding twice: a known phone is the same person, a known door the same household', () => {
    const plan = planImport([HEADER, ['阳光小区', '1号楼', '2', '301', '张秀兰（新）', '13800001111']], context());
    expect(plan.rows[0]!.outcome).toBe('update');
    expect(plan.buildings).toEqual([]);
    expect(plan.households.map((h) => [h.id, h.contactName])).toEqual([['h1', '张秀兰（新）']]);
    expect(plan.users.map((u) => [u.id, u.name, u.householdIds, u.rev])).toEqual([['u1', '张秀兰（新）', ['h1'], 1]]);
  });
});

describe('the export', () => {
  it('lists each resident with their household, and households with nobody on file, in the import columns', () => {
    const extra: Household = { ...households[0]!, id: 'h2', door: '101', contactName: '', contactPhone: '' };
    expect(exportRows({ ...context(), households: [...households, extra] })).toEqual([
      ['阳光小区', '1号楼', '', '101', '', ''],
      ['阳光小区', '1号楼', '2单元', '301', '张秀兰', '13800001111'],
    ]);
  });
});
