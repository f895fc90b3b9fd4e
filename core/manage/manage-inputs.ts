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
const shared = () => ({
  id: str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }),
  /** The revision the admin saw (0: never edited since it was stored). */
  rev: int(0, 1_000_000_000),
  name: str({ min: 1, max: 30 }),
  mobile: str({ min: 11, max: 11, pattern: /^1\d{10}$/ }),
  fen: int(0, 10_000_000),
});
/** The shared fields, made once, by the first schema built (the contract's `manage` part, in the manage function only). */
let fields: ReturnType<typeof shared> | undefined;
const F = () => (fields ??= shared());

// Each maker's parameter defaults to the shared fields: they are made by the first schema built.
export const MANAGE_INPUTS = lazyProperties({
  saveCompany: (f = F()) => obj({ id: optional(f.id), rev: optional(f.rev), name: f.name, phone: optional(str({ max: 20, pattern: PHONE })) }),
  saveCompound: (f = F()) => obj({ id: optional(f.id), rev: optional(f.rev), name: f.name, companyId: f.id }),
  saveBuilding: (f = F()) => obj({ id: optional(f.id), rev: optional(f.rev), compoundId: f.id, name: f.name }),
  saveHousehold: (f = F()) =>
    obj({ id: optional(f.id), rev: optional(f.rev), buildingId: f.id, door: str({ min: 1, max: 20 }), contactName: f.name, contactPhone: f.mobile }),
  /** A resident and the households they are bound to (their own, a relative's). */
  saveResident: (f = F()) => obj({ id: optional(f.id), rev: optional(f.rev), name: str({ min: 1, max: 20 }), phone: f.mobile, householdIds: list(f.id, 20) }),
  /** A worker's skills, duty and cap; workers join by invitation, so only existing ones are edited. */
  saveWorker: (f = F()) =>
    obj({
      id: f.id,
      rev: optional(f.rev),
      skills: list(oneOf(SERVICE_CATEGORIES), SERVICE_CATEGORIES.length),
      onDuty: bool,
      maxOpenOrders: int(1, 50),
    }),
  saveTeam: (f = F()) =>
    obj({
      id: optional(f.id),
      rev: optional(f.rev),
      name: f.name,
      companyId: optional(f.id, null),
      categories: list(oneOf(SERVICE_CATEGORIES), SERVICE_CATEGORIES.length),
      memberIds: list(f.id, 100),
      dispatchMode: oneOf(DISPATCH_MODES),
    }),
  saveService: (f = F()) =>
    obj({
      id: optional(f.id),
      rev: optional(f.rev),
      name: f.name,
      category: oneOf(SERVICE_CATEGORIES),
      description: str({ max: 200 }),
      unit: str({ min: 1, max: 10 }),
      redPriceFen: f.fen,
      marketPriceFen: f.fen,
      payment: optional(oneOf(PAYMENT_MODES), 'at_door'),
    }),
  /** 下架 for good: it cannot be ordered again; orders placed before keep showing it. */
  retireService: (f = F()) => obj({ id: f.id, rev: optional(f.rev) }),
  /** Deletes what was added by mistake, refused while it still holds people or open orders (manage-remove.ts). */
  removeBuilding: (f = F()) => obj({ id: f.id, rev: optional(f.rev) }),
  removeHousehold: (f = F()) => obj({ id: f.id, rev: optional(f.rev) }),
  removeTeam: (f = F()) => obj({ id: f.id, rev: optional(f.rev) }),
});

export type ManageKind = keyof typeof MANAGE_INPUTS;
export type ManageInput<K extends ManageKind> = Infer<(typeof MANAGE_INPUTS)[K]>;
