/**
 * WeChat's 微信同声传译 (WechatSI) plugin, the part the elder mode's voice input uses: its one
 * recognition manager. Callbacks are assigned as properties, as the plugin's documentation shows
 * (`manager.onStop = (res) => …`); `onStop` gives the final text in `result` (empty when nothing
 * was heard) with the recording's `tempFilePath`, `duration` and `fileSize`; `onError` gives a
 * `retcode` and `msg`. `start` takes `lang` (zh_CN, en_US, zh_HK, sichuanhua) and a `duration` of at
 * most 60 000 ms.
 */
export interface Recogniser {
  start(options: { lang: 'zh_CN'; duration: number }): void;
  stop(): void;
  onStart?: (res: unknown) => void;
  onRecognize?: (res: { result?: string }) => void;
  onStop?: (res: { result?: string; tempFilePath?: string; duration?: number; fileSize?: number }) => void;
  onError?: (res: { retcode?: number; msg?: string }) => void;
}

type RequirePlugin = (name: string) => { getRecordRecognitionManager(): Recogniser };

/** Where this build runs and what it declared, passed in so the rule can be read and tested alone. */
export interface VoiceSetting {
  /** process.env.TARO_ENV of the build. */
  readonly platform: string | undefined;
  /** Whether app.config declared the plugin (the VOICE_PLUGIN constant, from WX_PLUGIN_WECHATSI). */
  readonly declared: boolean;
  /** The mini-program's global requirePlugin, when there is one. */
  readonly requirePlugin: unknown;
}

/**
 * The recogniser, only when the plugin is declared AND WeChat hands it over: in H5, in a build
 * without the plugin, or when requirePlugin throws (an old WeChat, the plugin not yet authorised for
 * this AppID) there is none and no microphone is shown.
 */
export function findRecogniser(s: VoiceSetting): Recogniser | null {
  if (s.platform !== 'weapp' || !s.declared || typeof s.requirePlugin !== 'function') return null;
  try {
    const manager = (s.requirePlugin as RequirePlugin)('WechatSI')?.getRecordRecognitionManager();
    return manager && typeof manager.start === 'function' && typeof manager.stop === 'function' ? manager : null;
  } catch {
    return null;
  }
}

/** Words for the plugin's error codes an elder will meet; anything else reads as not heard. */
export function voiceErrorText(retcode: number | undefined): string {
  if (retcode === -30003) return '说话时间太短，请按住多说一会儿';
  if (retcode === -30011) return '上一句还在识别，请稍等';
  return '没有听清，请再说一次';
}
