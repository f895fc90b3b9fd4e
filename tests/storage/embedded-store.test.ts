import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { describeStoreContract } from './store-contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeStoreContract('embedded store (SQLite)', async () => openSqliteStore(dir));
