import type { Building, Compound, Household, PropertyCompany, ServiceCategory, ServiceItem, ServiceTeam } from '../community';
import type { ImportRow, RowOutcome } from './sheet-import';

/** A resident as the admin manages them: who, which households, whether they have come in through WeChat yet. */
export interface ManagedResident {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly householdIds: readonly string[];
  /** False for a resident entered by the admin or a sheet who has not joined from WeChat. */
  readonly hasWechat: boolean;
  readonly rev: number;
}

/** A worker as the admin manages them: skills, duty, cap, and how many orders they hold now. */
export interface ManagedWorker {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly skills: readonly ServiceCategory[];
  readonly onDuty: boolean;
  readonly maxOpenOrders: number;
  readonly openOrders: number;
  readonly rev: number;
}

/** Everything the admin's 社区管理 pages list: the community's places, people, teams and catalogue. */
export interface ManageView {
  readonly companies: readonly PropertyCompany[];
  readonly compounds: readonly Compound[];
  readonly buildings: readonly Building[];
  readonly households: readonly Household[];
  readonly residents: readonly ManagedResident[];
  readonly workers: readonly ManagedWorker[];
  readonly teams: readonly ServiceTeam[];
  /** The whole catalogue, retired services included (marked by retiredAt). */
  readonly services: readonly ServiceItem[];
}

/** What an import answers: each row's outcome and problems, and whether it was written. */
export interface ImportReply {
  readonly rows: readonly ImportRow[];
  readonly sheetProblem: string | null;
  /** Compounds the sheet names that do not exist yet: the import adds them (names, in the sheet's order). */
  readonly newCompounds: readonly string[];
  /** The property company those new compounds are served by (changeable on 小区与楼栋). */
  readonly newCompoundsCompany: string | null;
  readonly counts: Readonly<Record<RowOutcome, number>>;
  /** False for a dry run, and for an import refused because a row has a problem. */
  readonly applied: boolean;
}
