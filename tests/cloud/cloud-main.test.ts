import { afterEach, describe, expect, it } from 'vitest';
import { cloudMain } from '@backend/cloud/cloud-main';
import type { Handler } from '@backend/functions/define-function';
import type { Caller } from '@backend/runtime/caller';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** A handler that only reports who it was told is calling. */
const seenCaller = (): { handler: Handler; caller: () => Caller | undefined } => {
  let seen: Caller | undefined;
  return {
    handler: async (_event, caller) => {
      seen = caller;
      return { ok: true, data: null };
    },
    caller: () => seen,
  };
};

describe('the CloudBase entry', () => {
  it('takes the caller from the OPENID WeChat puts in the function context', async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'openid-demo-resident';
    process.env.WX_APPID = 'wx-test';
    const spy = seenCaller();
    await cloudMain(spy.handler)({ action: 'whoami' });
    expect(spy.caller()).toEqual({ openid: 'openid-demo-resident' });
  });

  it('never believes an identity written in the event body', async () => {
    delete process.env.WX_OPENID;
    const spy = seenCaller();
    await cloudMain(spy.handler)({ action: 'whoami', openid: 'openid-demo-admin', OPENID: 'openid-demo-admin', userInfo: { openId: 'openid-demo-admin' } });
    expect(spy.caller()).toBeNull();
  });
});
