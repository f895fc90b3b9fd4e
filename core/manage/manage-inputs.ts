import { DISPATCH_MODES, PAYMENT_MODES, SERVICE_CATEGORIES } from '../community';
import { bool, int, list, obj, oneOf, optional, str, type Infer } from '../contract/fields';
import { lazyProperties } from '../lazy-properties';
import { PHONE } from '../order-inputs';

/**
 * What the admin sends to add or change each part of the community (the `manage` function). An
 * absent `id` adds; an `id` with the `rev` the admin saw changes that one, and an older `rev` is
 * refused (someone else saved first). The contract takes these as they are; each schema is built
 * when first read, so only the `manage` function builds them.
 */
const id = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
/** The revision the admin saw (0: never edited since it was stored). */
const rev = int(0, 1_000_000_000);
const name = str({ min: 1, max: 30 });
const mobile = str({ min: 11, max: 11, pattern: /^1\d{10}$/ });
const fen = int(0, 10_000_000);

export const MANAGE_INPUTS = lazyProperties({
  saveCompany: () => obj({ id: optional(id), rev: optional(rev), name, phone: optional(str({ max: 20, pattern: PHONE })) }),
  saveCompound: () => obj({ id: optional(id), rev: optional(rev), name, companyId: id }),
  saveBuilding: () => obj({ id: optional(id), rev: optional(rev), compoundId: id, name }),
  saveHousehold: () => obj({ id: optional(id), rev: optional(rev), buildingId: id, door: str({ min: 1, max: 20 }), contactName: name, contactPhone: mobile }),
  /** A resident and the households they are bound to (their own, a relative's). */
  saveResident: () => obj({ id: optional(id), rev: optional(rev), name: str({ min: 1, max: 20 }), phone: mobile, householdIds: list(id, 20) }),
  /** A worker's skills, duty and cap; workers join by invitation, so only existing ones are edited. */
  saveWorker: () =>
    obj({
      id,
      rev: optional(rev),
      skills: list(oneOf(SERVICE_CATEGORIES), SERVICE_CATEGORIES.length),
      onDuty: bool,
      maxOpenOrders: int(1, 50),
    }),
  saveTeam: () =>
    obj({
      id: optional(id),
      rev: optional(rev),
      name,
      companyId: optional(id, null),
      categories: list(oneOf(SERVICE_CATEGORIES), SERVICE_CATEGORIES.length),
      memberIds: list(id, 100),
      dispatchMode: oneOf(DISPATCH_MODES),
    }),
  saveService: () =>
    obj({
      id: optional(id),
      rev: optional(rev),
      name,
      category: oneOf(SERVICE_CATEGORIES),
      description: str({ max: 200 }),
      unit: str({ min: 1, max: 10 }),
      redPriceFen: fen,
      marketPriceFen: fen,
      payment: optional(oneOf(PAYMENT_MODES), 'at_door'),
    }),
  /** 下架 for good: it cannot be ordered again; orders placed before keep showing it. */
  retireService: () => obj({ id, rev: optional(rev) }),
  /** Deletes what was added by mistake, refused while it still holds people or open orders (manage-remove.ts). */
  removeBuilding: () => obj({ id, rev: optional(rev) }),
  removeHousehold: () => obj({ id, rev: optional(rev) }),
  removeTeam: () => obj({ id, rev: optional(rev) }),
});

export type ManageKind = keyof typeof MANAGE_INPUTS;
export type ManageInput<K extends ManageKind> = Infer<(typeof MANAGE_INPUTS)[K]>;
