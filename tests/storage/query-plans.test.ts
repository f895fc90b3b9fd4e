import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE } from '@backend/storage/embedded/backups';
import { countQuery, pageQuery } from '@backend/storage/embedded/order-sql';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Where } from '@backend/storage/embedded/order-sql';
import { T0 } from './fixtures';

// A read that finds its few orders by scanning a community's history grows with every order ever
// placed. These pin which index each listing of the embedded store reads (SQLite's own plan).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-plans-'));
let db: Database.Database;
beforeAll(async () => {
  await openSqliteStore(dir).close();
  db = new Database(path.join(dir, DATA_FILE), { readonly: true });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const community = { kind: 'community', communityId: 'c1' } as const;
const plan = (q: Where) => (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
const month = { createdFrom: T0, createdTo: T0 + 31 * 86_400_000 };

describe('the embedded store’s listings', () => {
  it('read the supervisor’s queue of the longest waiting from the open orders alone', () => {
    expect(plan(pageQuery(community, { open: true }, 'oldest', null, 11))).toMatch(/USING INDEX orders_open \(community_id=\?\)/);
  });

  it('read a period’s 诉求 from the 诉求 alone, not from every order placed in it', () => {
    expect(plan(pageQuery(community, { kind: 'grievance', ...month }, 'oldest', null, 51))).toMatch(/USING INDEX orders_grievances/);
    expect(plan(countQuery(community, { kind: 'grievance', ...month }))).toMatch(/USING INDEX orders_grievances/);
  });

  it('read a period’s orders from the statistics’ index, by when they were placed', () => {
    expect(plan(pageQuery(community, month, 'recent', null, 201))).toMatch(
      /USING INDEX orders_metrics \(community_id=\? AND created_at>\? AND created_at<\?\)/,
    );
  });

  it('count a company’s open orders by state from the state index alone, never looking up an order', () => {
    const company = { kind: 'company', communityId: 'c1', companyId: 'pc1' } as const;
    expect(plan(countQuery(company, { open: true }))).toMatch(/USING COVERING INDEX orders_by_state/);
  });

  it('read an attention queue and a team’s counts from their own indexes', () => {
    expect(plan(pageQuery(community, { open: true, attention: 'overdue' }, 'oldest', null, 11))).toMatch(/USING INDEX orders_in_overdue/);
    expect(plan(countQuery(community, { teamId: 't1' }))).toMatch(/USING INDEX orders_by_team/);
  });

  it('read a page after a cursor as the same seek, not from the start', () => {
    expect(plan(pageQuery(community, { open: true }, 'oldest', [T0, 'o1'], 11))).toMatch(/USING INDEX orders_open \(community_id=\? AND created_at>\?\)/);
    expect(plan(pageQuery(community, {}, 'recent', [T0, 'o1'], 21))).toMatch(
      /USING (COVERING )?INDEX orders_by_community \(community_id=\? AND updated_at<\?\)/,
    );
  });
});
