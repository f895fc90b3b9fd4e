import { Db } from '@cloudbase/database';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { cachingReferences } from '@backend/storage/cloudbase/ref-cache';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Store } from '@backend/storage/port';
import { referenceData } from './fixtures';
import { FakeCloudBase } from './fake-cloudbase';

// A warm function instance keeps the reference documents it read for a few seconds, so that a
// transition does not spend half its round trips on the same settings, teams and people.
const fake = new FakeCloudBase();
Db.reqClass = fake.requester();
const TTL = 10_000;
const requests = () => [...fake.calls.values()].reduce((a, b) => a + b, 0);

let clock = 0;
let other: Store; // another instance on the same database, without a cache
let warm: Store;
let opened = 0;
beforeEach(async () => {
  const prefix = `rp_cache${++opened}_`;
  const db = new Db({ env: 'offline-cache' });
  await ensureCollections(
    db,
    databaseSchema(prefix).map((c) => c.name),
  );
  other = cloudBaseStoreOn(db, prefix);
  const refs = referenceData();
  await other.putRefs('users', refs.users);
  await other.putRefs('teams', refs.teams);
  clock = 0;
  warm = cachingReferences(cloudBaseStoreOn(db, prefix), TTL, () => clock);
});

describe('reference documents on a warm instance', () => {
  it('answers a repeated read, by id, by OPENID or as a listing, without asking the database again', async () => {
    const user = referenceData().users[0]!;
    const first = [await warm.getRef('users', user.id), await warm.findUserByOpenid(user.openid), await warm.listRefs('teams', 'c1')];
    const before = requests();
    expect([await warm.getRef('users', user.id), await warm.findUserByOpenid(user.openid), await warm.listRefs('teams', 'c1')]).toEqual(first);
    expect(requests()).toBe(before);
  });

  it('answers a single read from a listing it made', async () => {
    const teams = await warm.listRefs('teams', 'c1');
    const before = requests();
    expect(await warm.getRef('teams', teams[0]!.id)).toEqual(teams[0]);
    expect(requests()).toBe(before);
  });

  it('reads its own writes at once', async () => {
    const team = (await warm.listRefs('teams', 'c1'))[0]!;
    await warm.putRefs('teams', [{ ...team, name: '新名字' }]);
    expect((await warm.getRef('teams', team.id))?.name).toBe('新名字');
    expect((await warm.listRefs('teams', 'c1')).find((t) => t.id === team.id)?.name).toBe('新名字');
  });

  it('sees another instance’s write once its copy is older than the time to live', async () => {
    const user = referenceData().users[0]!;
    await warm.getRef('users', user.id);
    await other.putRefs('users', [{ ...user, roles: [] }]);
    clock = TTL - 1;
    expect((await warm.getRef('users', user.id))?.roles).toEqual(user.roles);
    clock = TTL;
    expect((await warm.getRef('users', user.id))?.roles).toEqual([]);
  });

  it('always reads workflow records (applications) fresh', async () => {
    await warm.getRef('applications', 'app-1');
    const before = requests();
    await warm.getRef('applications', 'app-1');
    expect(requests()).toBe(before + 1);
  });

  it('hands out documents that cannot be changed by one caller for the next', async () => {
    const user = referenceData().users[0]!;
    const got = (await warm.getRef('users', user.id)) as { name: string };
    expect(() => {
      got.name = '改了';
    }).toThrow(TypeError);
  });
});
