import type CloudBase from '@cloudbase/manager-node';
import type { Direction, IndexDecl } from '../../backend/storage/cloudbase/schema';
import type { CollectionState, DatabaseState, Rule, Step } from './database-plan';

/**
 * The management calls the database setup makes, so the plan can run against a real environment
 * (managerAdmin, @cloudbase/manager-node) or a model of one in the tests.
 */
export interface DatabaseAdmin {
  read(collections: readonly string[]): Promise<DatabaseState>;
  apply(step: Step): Promise<void>;
}

const isRule = (v: unknown): v is Rule =>
  typeof v === 'object' && v !== null && ['read', 'write'].every((k) => ['boolean', 'string'].includes(typeof (v as Record<string, unknown>)[k]));

function parseRule(text: string | undefined): Rule | null {
  try {
    const v: unknown = JSON.parse(text ?? '');
    return isRule(v) ? { read: v.read, write: v.write } : null;
  } catch {
    return null;
  }
}

/** Index keys as DescribeTable lists them: Direction "1" or "-1". */
const toIndex = (i: { Name: string; Keys: { Name?: string; Direction?: string }[] }): IndexDecl => ({
  name: i.Name,
  keys: i.Keys.map((k) => [String(k.Name), (Number(k.Direction) === -1 ? -1 : 1) as Direction] as const),
});

const toCreate = (index: IndexDecl) => ({
  IndexName: index.name,
  MgoKeySchema: { MgoIndexKeys: index.keys.map(([Name, d]) => ({ Name, Direction: String(d) })), MgoIsUnique: false },
});

/** The environment through the official management SDK. */
export function managerAdmin(app: CloudBase): DatabaseAdmin {
  return {
    async read(names) {
      const collections = new Map<string, CollectionState>();
      const permissions = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: [...names] });
      const ruleOf = new Map(
        (permissions.Data?.PermissionList ?? []).map((p) => [p.Resource, p.Permission === 'CUSTOM' ? parseRule(p.SecurityRule) : null] as const),
      );
      for (const name of names) {
        if (!(await app.database.checkCollectionExists(name)).Exists) continue;
        const table = await app.database.describeCollection(name);
        const indexes = (table.Indexes ?? []).filter((i) => i.Name !== '_id_').map(toIndex);
        collections.set(name, { indexes, rule: ruleOf.get(name) ?? null });
      }
      const storage = await app.storage.getStorageAcl({ withRule: true });
      return { collections, storageRule: storage.acl === 'CUSTOM' && storage.rule ? { read: storage.rule.read, write: storage.rule.write } : null };
    },
    async apply(step) {
      switch (step.kind) {
        case 'createCollection':
          await app.database.createCollectionIfNotExists(step.collection);
          return;
        case 'createIndex':
          await app.database.updateCollection(step.collection, { CreateIndexes: [toCreate(step.index)] });
          return;
        case 'replaceIndex':
          // One index name cannot be dropped and created in a single call.
          await app.database.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.index.name }] });
          await app.database.updateCollection(step.collection, { CreateIndexes: [toCreate(step.index)] });
          return;
        case 'setCollectionRule':
          await app.permission.modifyResourcePermission({
            resourceType: 'collection',
            resource: step.collection,
            permission: 'CUSTOM',
            securityRule: JSON.stringify(step.rule),
          });
          return;
        case 'setStorageRule':
          await app.storage.setStorageAcl('CUSTOM', step.rule);
          return;
      }
    },
  };
}
