import type { FunctionName } from '@core';
import { admin } from './admin.function';
import { catalog } from './catalog.function';
import { grievances } from './grievances.function';
import type { Handler } from './define-function';
import { manage } from './manage.function';
import { membership } from './membership.function';
import { notifications } from './notifications.function';
import { orders } from './orders.function';
import { session } from './session.function';
import { statistics } from './statistics.function';
import { sweep } from './sweep.function';
import { teams } from './teams.function';

/** Every cloud function by name: the local server mounts these, the build emits one bundle each. */
export const FUNCTIONS: Readonly<Record<FunctionName, Handler>> = {
  session,
  catalog,
  orders,
  teams,
  notifications,
  statistics,
  admin,
  membership,
  manage,
  grievances,
};

/** Functions only a trigger calls: bundled for CloudBase, never mounted on the local HTTP API. */
export const SCHEDULED: Readonly<Record<string, Handler>> = { sweep };

export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);
