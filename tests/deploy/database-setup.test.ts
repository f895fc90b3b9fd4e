import type CloudBase from '@cloudbase/manager-node';
import { describe, expect, it } from 'vitest';
import { CLIENT_DATABASE_RULE, databaseSchema, PHOTO_STORAGE_RULE } from '@backend/storage/cloudbase/schema';
import { managerAdmin } from '../../scripts/deploy/database-admin';
import { extraIndexes, planDatabase } from '../../scripts/deploy/database-plan';

/**
 * `npm run deploy:database` against a model of the management API (@cloudbase/manager-node's
 * database, permission and storage services, with the shapes its typings declare): the first run
 * creates everything, the second changes nothing, and drift is put back.
 */
type Index = { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean };
class ManagementModel {
  readonly tables = new Map<string, Index[]>();
  readonly permissions = new Map<string, { Permission: string; SecurityRule?: string }>();
  storage: { acl: string; rule?: { read: boolean | string; write: boolean | string } } = { acl: 'READONLY' };
  readonly writes: string[] = [];

  app(): CloudBase {
    const m = this;
    const table = (name: string) => {
      const t = m.tables.get(name);
      if (!t) throw Object.assign(new Error(`[ResourceNotFound] ${name}`), { code: 'ResourceNotFound' });
      return t;
    };
    return {
      database: {
        async checkCollectionExists(name: string) {
          return { RequestId: 'r', Exists: m.tables.has(name) };
        },
        async describeCollection(name: string) {
          return { RequestId: 'r', Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...table(name)] };
        },
        async createCollectionIfNotExists(name: string) {
          m.writes.push(`create ${name}`);
          if (!m.tables.has(name)) m.tables.set(name, []);
          return { RequestId: 'r', IsCreated: true };
        },
        async updateCollection(
          name: string,
          info: {
            CreateIndexes?: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[] } }[];
            DropIndexes?: { IndexName: string }[];
          },
        ) {
          const t = table(name);
          for (const d of info.DropIndexes ?? []) {
            m.writes.push(`drop ${name}.${d.IndexName}`);
            t.splice(
              t.findIndex((i) => i.Name === d.IndexName),
              1,
            );
          }
          for (const c of info.CreateIndexes ?? []) {
            m.writes.push(`index ${name}.${c.IndexName}`);
            if (t.some((i) => i.Name === c.IndexName)) throw new Error(`index ${c.IndexName} exists`);
            t.push({ Name: c.IndexName, Keys: c.MgoKeySchema.MgoIndexKeys, Unique: false });
          }
          return { RequestId: 'r' };
        },
      },
      permission: {
        async describeResourcePermission(o: { resourceType: string; resources: string[] }) {
          const list = o.resources.filter((r) => m.permissions.has(r)).map((r) => ({ ResourceType: o.resourceType, Resource: r, ...m.permissions.get(r) }));
          return { RequestId: 'r', Data: { TotalCount: list.length, PermissionList: list } };
        },
        async modifyResourcePermission(o: { resource: string; permission: string; securityRule?: string }) {
          m.writes.push(`rule ${o.resource}`);
          m.permissions.set(o.resource, { Permission: o.permission, SecurityRule: o.securityRule });
          return { RequestId: 'r', Data: { Success: true } };
        },
      },
      storage: {
        async getStorageAcl() {
          return m.storage;
        },
        async setStorageAcl(acl: string, rule?: { read: boolean | string; write: boolean | string }) {
          m.writes.push('storage rule');
          m.storage = { acl, rule };
          return { RequestId: 'r' };
        },
      },
    } as unknown as CloudBase;
  }
}

const schema = databaseSchema('rp_');
const names = schema.map((c) => c.name);

async function setup(model: ManagementModel): Promise<number> {
  const admin = managerAdmin(model.app());
  const steps = planDatabase(schema, CLIENT_DATABASE_RULE, PHOTO_STORAGE_RULE, await admin.read(names));
  for (const s of steps) await admin.apply(s);
  return steps.length;
}

const replan = async (model: ManagementModel) => planDatabase(schema, CLIENT_DATABASE_RULE, PHOTO_STORAGE_RULE, await managerAdmin(model.app()).read(names));

describe('the database setup (deploy:database)', () => {
  it('creates every collection and index, closes every collection to clients and sets the photo rule', async () => {
    const model = new ManagementModel();
    expect(await setup(model)).toBeGreaterThan(names.length * 2);
    expect([...model.tables.keys()].sort()).toEqual([...names].sort());
    const orders = model.tables.get('rp_orders')!.map((i) => i.Name);
    expect(orders).toEqual([
      'community_updated',
      'community_created',
      'community_compound_created',
      'community_building_created',
      'community_proxy_created',
      'community_urgent',
      'community_kind_updated',
      'meeting_items',
      'sweep_due',
      'holder',
      'request_key',
      'request_at',
      'rollup_due',
    ]);
    for (const n of names) expect(model.permissions.get(n)).toEqual({ Permission: 'CUSTOM', SecurityRule: '{"read":false,"write":false}' });
    expect(model.storage).toEqual({ acl: 'CUSTOM', rule: PHOTO_STORAGE_RULE });
  });

  it('changes nothing when run a second time', async () => {
    const model = new ManagementModel();
    await setup(model);
    const before = model.writes.length;
    expect(await replan(model)).toEqual([]);
    expect(await setup(model)).toBe(0);
    expect(model.writes.length).toBe(before);
  });

  it('puts back what drifted: a client-readable collection, an index with other keys, a missing index, the storage rule', async () => {
    const model = new ManagementModel();
    await setup(model);
    model.permissions.set('rp_users', { Permission: 'READONLY' });
    model.tables.get('rp_orders')![0]!.Keys = [{ Name: 'communityId', Direction: '1' }];
    model.tables.set(
      'rp_order_events',
      model.tables.get('rp_order_events')!.filter((i) => i.Name !== 'note_recipient_at'),
    );
    model.storage = { acl: 'READONLY' };
    model.writes.length = 0;
    expect(await setup(model)).toBe(4);
    expect(model.writes).toEqual([
      'rule rp_users',
      'drop rp_orders.community_updated',
      'index rp_orders.community_updated',
      'index rp_order_events.note_recipient_at',
      'storage rule',
    ]);
    expect(await replan(model)).toEqual([]);
  });

  it('leaves indexes it does not declare in place and names them', async () => {
    const model = new ManagementModel();
    await setup(model);
    model.tables.get('rp_orders')!.push({ Name: 'by_hand', Keys: [{ Name: 'state', Direction: '1' }], Unique: false });
    const state = await managerAdmin(model.app()).read(names);
    expect(extraIndexes(schema, state)).toEqual(['rp_orders.by_hand']);
    expect(planDatabase(schema, CLIENT_DATABASE_RULE, PHOTO_STORAGE_RULE, state)).toEqual([]);
  });
});
