import tcb from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import { collectionNames, type Names } from '../backend/storage/cloudbase/names';

/** The keys of a CloudBase environment that a one-time script runs against, from the environment variables. */
export interface EnvironmentKeys {
  readonly envId: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** The collections' prefix: the script's first argument, `rp_` by default. */
  readonly prefix: string;
}

/** The keys from TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY; without all three the script says so and exits. */
export function environmentKeys(): EnvironmentKeys {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('请设置 TCB_ENV_ID、TCB_SECRET_ID 和 TCB_SECRET_KEY');
    process.exit(1);
  }
  return { envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY, prefix: process.argv[2] ?? 'rp_' };
}

/** The environment's database and its collections' names, for the scripts that work on documents directly. */
export function environmentDatabase(): { db: Db; names: Names } {
  const keys = environmentKeys();
  const db = tcb.init({ env: keys.envId, secretId: keys.secretId, secretKey: keys.secretKey }).database() as unknown as Db;
  return { db, names: collectionNames(keys.prefix) };
}
