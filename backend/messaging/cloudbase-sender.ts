import type { MessageSender, SendResult } from './message-sender';

/** The part of @cloudbase/node-sdk's app this adapter uses (tests pass a fake). */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ code?: string; message?: string; result?: unknown }>;
}

/** Which build a tap on the message opens: 正式版 in production, 体验版/开发版 while testing. */
export type MiniProgramState = 'formal' | 'trial' | 'developer';

/**
 * Sends through CloudBase's 云调用 of subscribeMessage.send, by @cloudbase/node-sdk's callWxOpenApi
 * (what wx-server-sdk's `cloud.openapi.subscribeMessage.send` calls underneath; the functions
 * already bundle node-sdk). The calling function must declare the API in its
 * permissions.openapi (cloudfunctions/<name>/config.json). WeChat's refusal comes back as
 * errCode/errMsg in the result, the platform's as code/message: both become a failed result.
 */
export function cloudBaseSender(app: WxOpenApiCaller, state: MiniProgramState): MessageSender {
  return {
    kind: 'cloudbase',
    async send(m): Promise<SendResult> {
      try {
        const res = await app.callWxOpenApi({
          apiName: 'subscribeMessage.send',
          requestData: { touser: m.openid, templateId: m.templateId, page: m.page, data: m.data, miniprogramState: state, lang: 'zh_CN' },
        });
        if (res.code) return { ok: false, error: `${res.code} ${res.message ?? ''}`.trim() };
        const result = (res.result ?? {}) as { errCode?: number; errcode?: number; errMsg?: string; errmsg?: string };
        const errCode = result.errCode ?? result.errcode ?? 0;
        return errCode === 0 ? { ok: true } : { ok: false, error: `${errCode} ${result.errMsg ?? result.errmsg ?? ''}`.trim() };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
