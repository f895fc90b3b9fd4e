import { describe, expect, it } from 'vitest';
import { cloudBaseSender, type WxOpenApiCaller } from '@backend/messaging/cloudbase-sender';
import { templateIdsFrom } from '@backend/messaging/message-sender';

const message = { userId: 'u1', openid: 'openid-u1', templateId: 'T1', page: 'resident/pages/order/index?id=o1', data: { thing2: { value: '水电急修' } } };

/** A stand-in for node-sdk's app that answers as CloudBase does and keeps what it was asked. */
const caller = (answer: () => Promise<{ code?: string; message?: string; result?: unknown }>) => {
  const asked: unknown[] = [];
  const app: WxOpenApiCaller = {
    callWxOpenApi: async (o) => {
      asked.push(o);
      return answer();
    },
  };
  return { app, asked };
};

describe('the CloudBase sender (subscribeMessage.send through 云调用)', () => {
  it('asks for subscribeMessage.send with the openid, template, page, values and build', async () => {
    const { app, asked } = caller(async () => ({ result: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' } }));
    expect(await cloudBaseSender(app, 'trial').send(message)).toEqual({ ok: true });
    expect(asked).toEqual([
      {
        apiName: 'subscribeMessage.send',
        requestData: { touser: 'openid-u1', templateId: 'T1', page: message.page, data: message.data, miniprogramState: 'trial', lang: 'zh_CN' },
      },
    ]);
  });

  it.each([
    [
      'WeChat refuses (no subscription)',
      async () => ({ result: { errCode: 43101, errMsg: 'user refuse to accept the msg' } }),
      '43101 user refuse to accept the msg',
    ],
    [
      'the platform refuses (no permission)',
      async () => ({ code: 'PERMISSION_DENIED', message: 'no openapi permission' }),
      'PERMISSION_DENIED no openapi permission',
    ],
    [
      'the call throws',
      async () => {
        throw new Error('socket hang up');
      },
      'socket hang up',
    ],
  ])('answers a failure, never throws, when %s', async (_what, answer, error) => {
    expect(await cloudBaseSender(caller(answer).app, 'formal').send(message)).toEqual({ ok: false, error });
  });
});

describe('template ids from configuration', () => {
  it('reads WX_TMPL_* and ignores what is unset or the deploy’s placeholder', () => {
    expect(templateIdsFrom({ WX_TMPL_ORDER_PROGRESS: ' abc-DEF_123 ', WX_TMPL_ORDER_ALERT: '<未设置 WX_TMPL_ORDER_ALERT>' })).toEqual({
      orderProgress: 'abc-DEF_123',
      orderAlert: null,
    });
    expect(templateIdsFrom({})).toEqual({ orderProgress: null, orderAlert: null });
  });
});
