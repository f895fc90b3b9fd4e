import tcb from '@cloudbase/node-sdk';
import type { Handler } from '../functions/define-function';
import { timeOrderedId, type Deps } from '../runtime/deps';
import { cloudPhotos } from '../runtime/photos';
import { defaultLimits } from '../runtime/rate-limit';
import { openCloudBaseStore } from '../storage/cloudbase/cloudbase-store';

let deps: Deps | null = null;

/** One store per warm container: CloudBase reuses the process between calls. */
function depsOnce(): Deps {
  // RP_CLOUD_ENV is declared in cloudbaserc.json; the platform's own variables are the fallback.
  const envId = process.env.RP_CLOUD_ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';
  deps ??= {
    store: openCloudBaseStore({ envId }),
    now: () => Date.now(),
    newId: (prefix) => timeOrderedId(prefix),
    limits: defaultLimits(),
    // Temporary photo addresses come from the function's own environment, with the server's rights.
    photos: cloudPhotos(envId, tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })),
  };
  return deps;
}

/**
 * Wraps a handler as a CloudBase function `main(event, context)`. The caller is the OPENID that
 * WeChat injects into the function's context; the event body is never asked who is calling.
 */
export function cloudMain(handler: Handler) {
  return async (event: unknown): Promise<unknown> => {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    const { openId } = await app.auth().getUserInfo();
    return handler(event, openId ? { openid: openId } : null, depsOnce());
  };
}
