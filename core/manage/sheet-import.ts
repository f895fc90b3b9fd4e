import type { Building, Compound, Household, User } from '../community';
import { normalizeDoor } from '../membership';
import { sameName } from './manage-common';
import { householdKey } from './manage-places';
import { DEFAULT_MAX_OPEN_ORDERS } from './manage-people';
import { doorOf, locateColumns, splitDoor } from './sheet-columns';

/** What becomes of one row: new, an update of what is on file, nothing to do, or its problems. */
export type RowOutcome = 'new' | 'update' | 'same' | 'problem';

/** One row of the dry run's table, as the admin reads it. */
export interface ImportRow {
  /** The row's line in the sheet (the header is line 1). */
  readonly line: number;
  readonly compound: string;
  readonly building: string;
  readonly door: string;
  readonly name: string;
  readonly phone: string;
  readonly outcome: RowOutcome;
  readonly problems: readonly string[];
}

/** Everything an import would write, and each row's outcome. Written only when no row has a problem. */
export interface ImportPlan {
  readonly rows: readonly ImportRow[];
  /** The sheet itself is unusable (a required column is missing): nothing row by row to show. */
  readonly sheetProblem: string | null;
  /** Compounds the sheet names that the community does not have yet: added first, served by the default company. */
  readonly compounds: readonly Compound[];
  readonly buildings: readonly Building[];
  readonly households: readonly Household[];
  readonly users: readonly User[];
  readonly counts: Readonly<Record<RowOutcome, number>>;
}

export interface ImportContext {
  readonly communityId: string;
  readonly compounds: readonly Compound[];
  readonly buildings: readonly Building[];
  readonly households: readonly Household[];
  readonly users: readonly User[];
  readonly newId: (prefix: string) => string;
  /**
   * The property company a compound the sheet adds is served by (the admin can change it on 小区与楼栋):
   * the one serving the community's compounds when there is one, else null and such rows are problems.
   */
  readonly defaultCompanyId: string | null;
}

/** The most rows one sheet may hold: a large community's households, with room. */
export const MAX_IMPORT_ROWS = 5000;
/** What the admin reads when a sheet holds more than that. */
export const TOO_MANY_ROWS = `一次最多导入${MAX_IMPORT_ROWS}行，请分成几个表格`;
const MOBILE = /^1\d{10}$/;

/** A phone as a sheet holds it: spaces, dashes and a +86 dropped. */
const phoneOf = (text: string) => text.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');

/**
 * The dry run of an import of buildings, households and residents: every row's problems before
 * anything is written. Re-importing the same sheet finds what is on file by compound + building +
 * door (households) and by phone (residents), so it updates instead of adding twice. A row with a
 * name and phone binds that resident to the household; one with neither lists the household only.
 */
export function planImport(sheet: readonly (readonly string[])[], ctx: ImportContext): ImportPlan {
  const empty = { rows: [], compounds: [], buildings: [], households: [], users: [], counts: { new: 0, update: 0, same: 0, problem: 0 } };
  const [header, ...body] = sheet;
  const located = locateColumns(header ?? []);
  if (!located.ok) return { ...empty, sheetProblem: `表头缺少：${located.missing.join('、')}（第1行应为 小区、楼栋、单元、门牌、姓名、电话）` };
  if (body.length > MAX_IMPORT_ROWS) return { ...empty, sheetProblem: TOO_MANY_ROWS };
  const { at } = located;

  const buildings = new Map(ctx.buildings.map((b) => [b.id, b]));
  const households = new Map(ctx.households.map((h) => [householdKey(h.buildingId, h.door), h]));
  const users = new Map(ctx.users.filter((u) => u.roles.length > 0).map((u) => [u.phone, u]));
  const addedCompounds: Compound[] = [];
  const changedBuildings = new Map<string, Building>();
  const changedHouseholds = new Map<string, Household>();
  const changedUsers = new Map<string, User>();
  const phoneLine = new Map<string, { line: number; name: string }>();
  const rows: ImportRow[] = [];

  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (col: keyof typeof at) => (at[col] >= 0 ? String(cells[at[col]] ?? '').trim() : '');
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const [compoundName, buildingName, name] = [cell('小区'), cell('楼栋'), cell('姓名')];
    const door = normalizeDoor(doorOf(cell('单元'), cell('门牌')));
    const phone = phoneOf(cell('电话'));
    const problems: string[] = [];
    const need = (value: string, what: string) => value || problems.push(`缺少${what}`);
    need(compoundName, '小区');
    need(buildingName, '楼栋');
    need(door, '门牌');
    if (door.length > 20) problems.push('门牌超过20个字');
    if (buildingName.length > 30) problems.push('楼栋超过30个字');
    if (!name !== !phone) problems.push(name ? '有姓名但缺少电话' : '有电话但缺少姓名');
    if (name.length > 20) problems.push('姓名超过20个字');
    if (phone && !MOBILE.test(phone)) problems.push(`电话“${phone}”不是11位手机号`);
    // One phone is one person, who may be bound to several households (a relative's) on several rows.
    const earlier = phone ? phoneLine.get(phone) : undefined;
    if (earlier && earlier.name !== name) problems.push(`电话与第${earlier.line}行相同，姓名却不同`);
    if (phone && !earlier) phoneLine.set(phone, { line, name });
    const named = (c: Compound) => c.communityId === ctx.communityId && sameName(c.name, compoundName);
    const known = compoundName ? (ctx.compounds.find(named) ?? addedCompounds.find(named)) : undefined;
    if (compoundName && !known && ctx.defaultCompanyId === null) problems.push(`小区“${compoundName}”不存在，本社区还没有物业公司：请先在“小区与楼栋”中添加`);
    if (compoundName.length > 30) problems.push('小区超过30个字');
    const shown = { line, compound: compoundName, building: buildingName, door, name, phone };
    if (problems.length || !compoundName || (!known && ctx.defaultCompanyId === null)) {
      rows.push({ ...shown, outcome: 'problem', problems });
      return;
    }

    let outcome: RowOutcome = 'same';
    const upgrade = (o: RowOutcome) => {
      if (o === 'new' || (o === 'update' && outcome === 'same')) outcome = o;
    };
    // A compound the community does not have yet is added with the first row that names it (listed first in the dry run).
    let compound = known;
    if (!compound) {
      compound = { id: ctx.newId('cp'), communityId: ctx.communityId, name: compoundName, companyId: ctx.defaultCompanyId!, rev: 1 };
      addedCompounds.push(compound);
      upgrade('new');
    }
    let building = [...buildings.values(), ...changedBuildings.values()].find((b) => b.compoundId === compound.id && sameName(b.name, buildingName));
    if (!building) {
      building = { id: ctx.newId('b'), compoundId: compound.id, name: buildingName, rev: 1 };
      changedBuildings.set(building.id, building);
      upgrade('new');
    }
    const key = householdKey(building.id, door);
    let household = changedHouseholds.get(key) ?? households.get(key);
    if (!household) {
      household = {
        id: ctx.newId('h'),
        communityId: ctx.communityId,
        compoundId: compound.id,
        buildingId: building.id,
        door,
        contactName: name,
        contactPhone: phone,
        rev: 1,
      };
      changedHouseholds.set(key, household);
      upgrade('new');
    } else if (name && (household.contactPhone === '' || household.contactPhone === phone) && household.contactName !== name) {
      // The contact is known by phone like everyone else: a new name for that phone updates it, a
      // household with no contact takes the first person named; another person of it leaves it be.
      household = { ...household, contactName: name, contactPhone: phone, rev: (household.rev ?? 0) + 1 };
      changedHouseholds.set(key, household);
      upgrade('update');
    }

    if (phone) {
      const known = changedUsers.get(phone) ?? users.get(phone);
      if (!known) {
        const user: User = {
          id: ctx.newId('u'),
          openid: '',
          communityId: ctx.communityId,
          name,
          phone,
          roles: ['resident'],
          householdIds: [household.id],
          companyId: null,
          onDuty: false,
          maxOpenOrders: DEFAULT_MAX_OPEN_ORDERS,
          rev: 1,
        };
        changedUsers.set(phone, user);
        upgrade('new');
      } else {
        const roles = known.roles.includes('resident') ? known.roles : [...known.roles, 'resident' as const];
        const householdIds = known.householdIds.includes(household.id) ? known.householdIds : [...known.householdIds, household.id];
        if (known.name !== name || roles !== known.roles || householdIds !== known.householdIds) {
          changedUsers.set(phone, { ...known, name, roles, householdIds, rev: (known.rev ?? 0) + 1 });
          upgrade('update');
        }
      }
    }
    rows.push({ ...shown, outcome, problems: [] });
  });

  const counts = { new: 0, update: 0, same: 0, problem: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  return {
    rows,
    sheetProblem: null,
    compounds: addedCompounds,
    buildings: [...changedBuildings.values()],
    households: [...changedHouseholds.values()],
    users: [...changedUsers.values()],
    counts,
  };
}

/** The same list, out: one row per resident and household they are bound to, and one per household with nobody bound. */
export function exportRows(ctx: Omit<ImportContext, 'newId' | 'defaultCompanyId'>): string[][] {
  const compounds = new Map(ctx.compounds.map((c) => [c.id, c]));
  const buildings = new Map(ctx.buildings.map((b) => [b.id, b]));
  const residents = ctx.users.filter((u) => u.communityId === ctx.communityId && u.roles.includes('resident'));
  const rows: string[][] = [];
  const place = (h: Household) => [compounds.get(h.compoundId)?.name ?? '', buildings.get(h.buildingId)?.name ?? ''];
  const sorted = ctx.households
    .filter((h) => h.communityId === ctx.communityId)
    .map((h) => ({ h, sort: `${place(h).join('\u0000')}\u0000${h.door}` }))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  for (const { h } of sorted) {
    const people = residents.filter((u) => u.householdIds.includes(h.id));
    const { unit, door } = splitDoor(h.door);
    if (!people.length) rows.push([...place(h), unit, door, '', '']);
    for (const u of people) rows.push([...place(h), unit, door, u.name, u.phone]);
  }
  return rows;
}
