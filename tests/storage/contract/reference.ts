import { beforeEach, describe, expect, it } from 'vitest';
import { REFERENCE_KINDS } from '@backend/storage/port';
import { T0, referenceData } from '../fixtures';
import { ids, sortedById, type StoreRef } from './reference-model';

/** Reference documents: put, get, list per community, insert-if-absent, find by openid. */
export function referenceDataContract(s: StoreRef): void {
  describe('reference data', () => {
    const ref = referenceData();
    beforeEach(async () => {
      await s().clear();
      for (const kind of REFERENCE_KINDS) await s().putRefs(kind, ref[kind]);
    });

    it('returns every kind of document exactly as it was put', async () => {
      for (const kind of REFERENCE_KINDS) {
        for (const doc of ref[kind]) expect(await s().getRef(kind, doc.id), `${kind}/${doc.id}`).toEqual(doc);
      }
    });

    it('returns null for an unknown id, and keeps kinds apart', async () => {
      expect(await s().getRef('users', 'nobody')).toBeNull();
      expect(await s().getRef('teams', 'u1')).toBeNull();
      expect(await s().getRef('users', 't1')).toBeNull();
    });

    it('lists the documents of one community only', async () => {
      expect(sortedById(await s().listRefs('users', 'c1'))).toEqual(sortedById(ref.users.filter((u) => u.communityId === 'c1')));
      expect(ids(sortedById(await s().listRefs('teams', 'c2')))).toEqual(['t5']);
      expect(ids(await s().listRefs('serviceItems', 'c2'))).toEqual(['si-meal']);
      expect(await s().listRefs('compounds', 'c-unknown')).toEqual([]);
    });

    it('lists every document of a kind when no community is given', async () => {
      for (const kind of REFERENCE_KINDS) expect(sortedById<{ id: string }>(await s().listRefs(kind)), kind).toEqual(sortedById<{ id: string }>(ref[kind]));
    });

    it('lists all communities and companies even when a community is given, as they belong to none', async () => {
      expect(ids(sortedById(await s().listRefs('companies', 'c1')))).toEqual(['co1', 'co2', 'co3']);
      expect(ids(sortedById(await s().listRefs('communities', 'c1')))).toEqual(['c1', 'c2']);
    });

    it('replaces a document put again under the same id, without duplicating it', async () => {
      const changed = { ...ref.users[1]!, onDuty: false, maxOpenOrders: 5, roles: ['worker' as const] };
      await s().putRefs('users', [changed]);
      expect(await s().getRef('users', changed.id)).toEqual(changed);
      expect((await s().listRefs('users', 'c1')).filter((u) => u.id === changed.id)).toHaveLength(1);
    });

    it('deletes one document, from single reads and listings alike, and takes a second delete calmly', async () => {
      const building = ref.buildings[0]!;
      expect(await s().getRef('buildings', building.id)).toEqual(building);
      await s().listRefs('buildings');
      await s().deleteRef('buildings', building.id);
      expect(await s().getRef('buildings', building.id)).toBeNull();
      expect(ids(await s().listRefs('buildings'))).not.toContain(building.id);
      expect(await s().listRefs('buildings')).toHaveLength(ref.buildings.length - 1);
      await s().deleteRef('buildings', building.id);
      expect(await s().getRef('teams', ref.teams[0]!.id)).toEqual(ref.teams[0]);
    });

    it('accepts an empty batch', async () => {
      await s().putRefs('teams', []);
      expect(await s().listRefs('teams')).toHaveLength(ref.teams.length);
    });

    it('inserts a document only when its id is free, leaving an existing one as it was', async () => {
      const report = ref.assessments[0]!;
      const fresh = { ...report, id: 'c1:2025-02', month: '2025-02' };
      expect(await s().insertRef('assessments', fresh)).toBe(true);
      expect(await s().getRef('assessments', fresh.id)).toEqual(fresh);
      expect(await s().insertRef('assessments', { ...report, publishedAt: T0, publishedBy: 's1' })).toBe(false);
      expect(await s().getRef('assessments', report.id)).toEqual(report);
      expect(ids(sortedById(await s().listRefs('assessments', 'c1')))).toEqual(['c1:2025-01', 'c1:2025-02']);
    });

    it('finds a user by WeChat openid, and null for an unknown openid', async () => {
      expect(await s().findUserByOpenid('openid-w1')).toEqual(ref.users[1]);
      expect(await s().findUserByOpenid('openid-unknown')).toBeNull();
    });

    it("finds every community's record of one openid (社区切换), and none for an unknown one", async () => {
      const elsewhere = { ...ref.users[1]!, id: 'w1-c2', communityId: 'c2', roles: ['supervisor' as const] };
      await s().putRefs('users', [elsewhere]);
      expect(sortedById(await s().findUsersByOpenid('openid-w1'))).toEqual(sortedById([ref.users[1]!, elsewhere]));
      expect(await s().findUsersByOpenid('openid-unknown')).toEqual([]);
    });

    it('finds the users paired with a household in its community, and follows a change of pairing', async () => {
      const member = { ...ref.users[0]!, id: 'pm1', openid: 'openid-pm1', caresFor: ['h1', 'h2'] };
      const elsewhere = { ...member, id: 'pm2', openid: 'openid-pm2', communityId: 'c2' };
      await s().putRefs('users', [member, elsewhere]);
      expect(await s().usersCaringFor('c1', 'h2')).toEqual([member]);
      expect(await s().usersCaringFor('c1', 'h-none')).toEqual([]);
      expect(await s().usersCaringFor('c2', 'h1')).toEqual([elsewhere]);

      const unpaired = { ...member, caresFor: ['h1'] };
      await s().putRefs('users', [unpaired]);
      expect(await s().usersCaringFor('c1', 'h2')).toEqual([]);
      expect(await s().usersCaringFor('c1', 'h1')).toEqual([unpaired]);
    });
  });
}
