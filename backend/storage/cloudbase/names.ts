import { REFERENCE_KINDS, type ReferenceKind } from '../port';

/** Collection names under one prefix, so several deployments (or tests) can share an environment. */
export interface Names {
  readonly refs: Readonly<Record<ReferenceKind, string>>;
  readonly orders: string;
  readonly events: string;
  readonly notifications: string;
  readonly replies: string;
  /** One document per worker, marked by every commit that gives them an order (worker-arrivals.ts). */
  readonly workerLoad: string;
  /** One counter per community and day: the last order number given out. */
  readonly orderNumbers: string;
  /** The statistics rollups (rollups.ts), one document per community and day, kept by the fold (rollup-fold.ts). */
  readonly metricRollups: string;
  /** Subscribe-message consents and inbox reads (one document per person), and the sendings. */
  readonly messageConsents: string;
  readonly inboxReads: string;
  readonly messageSendings: string;
  readonly all: readonly string[];
}

const snake = (kind: string) => kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function collectionNames(prefix: string): Names {
  const refs = Object.fromEntries(REFERENCE_KINDS.map((k) => [k, `${prefix}${snake(k)}`])) as Record<ReferenceKind, string>;
  const rest = {
    orders: `${prefix}orders`,
    events: `${prefix}order_events`,
    notifications: `${prefix}notifications`,
    replies: `${prefix}replies`,
    workerLoad: `${prefix}worker_load`,
    orderNumbers: `${prefix}order_numbers`,
    metricRollups: `${prefix}metric_rollups`,
    messageConsents: `${prefix}message_consents`,
    inboxReads: `${prefix}inbox_reads`,
    messageSendings: `${prefix}message_sendings`,
  };
  return { refs, ...rest, all: [...Object.values(refs), ...Object.values(rest)] };
}
