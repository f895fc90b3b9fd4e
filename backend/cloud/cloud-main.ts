import tcb from '@cloudbase/node-sdk';
import type { Handler } from '../functions/define-function';
import { timeOrderedId, type Deps } from '../runtime/deps';
import { cloudPhotos } from '../runtime/photos';
import { defaultLimits } from '../runtime/rate-limit';
import { openCloudBaseStore } from '../storage/cloudbase/cloudbase-store';
import { cloudBaseSender, type MiniProgramState } from '../messaging/cloudbase-sender';
import { deliveriesSettled, messaging } from '../messaging/deliver';
import { templateIdsFrom } from '../messaging/message-sender';

let deps: Deps | null = null;

/** One store per warm container: CloudBase reuses the process between calls. */
function depsOnce(): Deps {
  // RP_CLOUD_ENV is declared in cloudbaserc.json; the platform's own variables are the fallback.
  const envId = process.env.RP_CLOUD_ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';
  if (deps) return deps;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  deps = {
    store: openCloudBaseStore({ envId }),
    now: () => Date.now(),
    newId: (prefix) => timeOrderedId(prefix),
    limits: defaultLimits(),
    // Temporary photo addresses come from the function's own environment, with the server's rights.
    photos: cloudPhotos(envId, app),
    // Subscribe messages through 云调用 (the templates' ids are the functions' environment variables).
    messaging: messaging(cloudBaseSender(app, (process.env.WX_MINIPROGRAM_STATE || 'formal') as MiniProgramState), templateIdsFrom(process.env)),
  };
  return deps;
}

/** How long a function waits, after answering is decided, for its messages to go out before it returns. */
const DELIVERY_GRACE_MS = 3_000;

/**
 * Wraps a handler as a CloudBase function `main(event, context)`. The caller is the OPENID that
 * WeChat injects into the function's context; the event body is never asked who is calling.
 */
export function cloudMain(handler: Handler) {
  return async (event: unknown): Promise<unknown> => {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    const { openId } = await app.auth().getUserInfo();
    const d = depsOnce();
    const reply = await handler(event, openId ? { openid: openId } : null, d);
    // The order is committed and its reply fixed; a returned function may be frozen, so give the
    // messages a moment to leave, but never hold the reply longer than that.
    await Promise.race([deliveriesSettled(d.messaging), new Promise((r) => setTimeout(r, DELIVERY_GRACE_MS).unref?.())]);
    return reply;
  };
}
