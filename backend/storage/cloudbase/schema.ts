import { REFERENCE_KINDS } from '../port';
import { collectionNames } from './names';

/**
 * The CloudBase database as code: every collection the adapter uses, the indexes its queries need
 * and who may touch them. `npm run deploy:database` makes an environment match this; the spec
 * tests/deploy/database-indexes.test.ts records every query the adapter sends and checks that an
 * index here serves it, so a new query without an index fails there rather than in production.
 */

export type Direction = 1 | -1;
export interface IndexDecl {
  /** Letters, digits and `_`: CloudBase index names. */
  readonly name: string;
  readonly keys: readonly (readonly [field: string, direction: Direction])[];
}
export interface CollectionDecl {
  readonly name: string;
  readonly indexes: readonly IndexDecl[];
}

/**
 * No client reads or writes any `rp_` collection: the mini-program reaches data only through the
 * functions, which run with admin rights and apply the role scopes. A readable `rp_users` would hand
 * every phone number to any user. Applied as a custom security rule to each collection.
 */
export const CLIENT_DATABASE_RULE = { read: false, write: false } as const;

/**
 * Cloud storage (order photos). The mini-program uploads photos itself (`wx.cloud.uploadFile`, into
 * a folder of its user id, which the functions check), so a signed-in user may write, but only
 * files they created. No client reads the bucket: a viewer gets a temporary address for each photo
 * from the functions, which hand them out only with an order the viewer may see.
 */
export const PHOTO_STORAGE_RULE = { read: false, write: 'resource.openid == auth.openid' } as const;

/** Reference kinds read as a whole (no community): `refQuery` in cloudbase-store.ts lists them all. */
const GLOBAL_KINDS = new Set(['communities', 'companies']);

/** Every collection under `prefix` with its indexes; `_id` is indexed by the database itself. */
export function databaseSchema(prefix = 'rp_'): CollectionDecl[] {
  const n = collectionNames(prefix);
  const refs: CollectionDecl[] = REFERENCE_KINDS.map((kind) => {
    const indexes: IndexDecl[] = [];
    // listRefs pages a community's documents by _id.
    if (!GLOBAL_KINDS.has(kind))
      indexes.push({
        name: 'community_id',
        keys: [
          ['communityId', 1],
          ['_id', 1],
        ],
      });
    // A cloud function finds its caller by the OPENID WeChat gives it.
    if (kind === 'users') indexes.push({ name: 'openid', keys: [['openid', 1]] });
    // Placing an order finds the household's paired party member (usersCaringFor).
    if (kind === 'users')
      indexes.push({
        name: 'community_cares_for',
        keys: [
          ['communityId', 1],
          ['caresFor', 1],
        ],
      });
    return { name: n.refs[kind], indexes };
  });
  return [
    ...refs,
    {
      name: n.orders,
      indexes: [
        // Every role's listing is inside one community: newest change first, or oldest placed first;
        // the 三率 aggregation matches a community's orders by creation time.
        {
          name: 'community_updated',
          keys: [
            ['communityId', 1],
            ['updatedAt', -1],
            ['_id', -1],
          ],
        },
        {
          name: 'community_created',
          keys: [
            ['communityId', 1],
            ['createdAt', 1],
            ['_id', 1],
          ],
        },
        // The statistics cut by compound or building (metric-sums.ts), and the group leader's list of a building's orders.
        {
          name: 'community_compound_created',
          keys: [
            ['communityId', 1],
            ['compoundId', 1],
            ['createdAt', 1],
          ],
        },
        {
          name: 'community_building_created',
          keys: [
            ['communityId', 1],
            ['buildingId', 1],
            ['createdAt', 1],
          ],
        },
        // 代下单 counted on the supervisor's statistics (on-behalf.ts): only the orders that name a proxy.
        {
          name: 'community_proxy_created',
          keys: [
            ['communityId', 1],
            ['proxy.relation', 1],
            ['createdAt', 1],
          ],
        },
        // The dispatcher's 待派单 list: nearest deadline first (the core's urgency key).
        {
          name: 'community_urgent',
          keys: [
            ['communityId', 1],
            ['idx.urgentBy', 1],
            ['_id', 1],
          ],
        },
        // 诉求: the compound's board (newest change first) and a roundtable's agenda.
        {
          name: 'community_kind_updated',
          keys: [
            ['communityId', 1],
            ['kind', 1],
            ['updatedAt', -1],
            ['_id', -1],
          ],
        },
        {
          name: 'meeting_items',
          keys: [
            ['communityId', 1],
            ['grievance.route.meetingId', 1],
            ['updatedAt', -1],
            ['_id', -1],
          ],
        },
        // The sweep's queue: orders whose next deadline moment has come, oldest first.
        {
          name: 'sweep_due',
          keys: [
            ['idx.nextSweepAt', 1],
            ['_id', 1],
          ],
        },
        // Open orders per worker, for the cap on how many one may hold (the core's holder of an open
        // order); the housekeeping's reconcile of the workers' claims pages them by (holder, id).
        {
          name: 'holder',
          keys: [
            ['idx.holderId', 1],
            ['_id', 1],
          ],
        },
        // The replies an order keeps (order-replies.ts): a retry finds its own by request id, the
        // housekeeping the expired ones by time.
        { name: 'request_key', keys: [['requests.key', 1]] },
        { name: 'request_at', keys: [['requests.at', 1]] },
        // Orders whose statistics the rollups do not hold yet (rollup-fold.ts): the housekeeping's
        // fold takes them all, a read of a community's statistics that community's.
        {
          name: 'rollup_due',
          keys: [
            ['rollupDue', 1],
            ['communityId', 1],
            ['_id', 1],
          ],
        },
      ],
    },
    {
      name: n.events,
      indexes: [
        {
          name: 'order_seq',
          keys: [
            ['orderId', 1],
            ['seq', 1],
            ['_id', 1],
          ],
        },
        // Commits recorded lately (commit.ts): the housekeeping finishes those whose order was not written.
        { name: 'commit_at', keys: [['commit.at', -1]] },
        // The notifications an event's document carries (event-notes.ts): an inbox's newest first.
        {
          name: 'note_recipient_at',
          keys: [
            ['notes.recipient', 1],
            ['notedAt', -1],
            ['_id', -1],
          ],
        },
      ],
    },
    // Notifications stored as documents of their own, before they rode in their event's document
    // (event-notes.ts): scripts/move-notifications-cloudbase.ts moves them there, reading by _id only.
    { name: n.notifications, indexes: [] },
    // Read and written by id inside transactions; expired ones are removed by time.
    { name: n.replies, indexes: [{ name: 'at', keys: [['at', 1]] }] },
    { name: n.workerLoad, indexes: [] },
    // Read and written by id (community:day) inside a transaction: no query, no index.
    { name: n.orderNumbers, indexes: [] },
    // One document per person, read and written by id: no query, no index.
    { name: n.messageConsents, indexes: [] },
    { name: n.inboxReads, indexes: [] },
    // A person's latest sendings, newest first; the oldest beyond the kept number are removed by time.
    {
      name: n.messageSendings,
      indexes: [
        {
          name: 'user_at',
          keys: [
            ['userId', 1],
            ['at', -1],
            ['_id', -1],
          ],
        },
      ],
    },
    // The board reads a community's rollup documents of a range of days, one per day.
    {
      name: n.metricRollups,
      indexes: [
        {
          name: 'community_day',
          keys: [
            ['communityId', 1],
            ['day', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ];
}
