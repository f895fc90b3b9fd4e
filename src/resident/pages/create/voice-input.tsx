import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { findRecogniser, type Recogniser, voiceErrorText } from './voice-recogniser';

/** Whether app.config declares 微信同声传译 (config/index.ts, from WX_PLUGIN_WECHATSI). */
declare const VOICE_PLUGIN: boolean;
declare const requirePlugin: unknown;

/** The plugin's global manager, asked for once; null where there is none (see findRecogniser). */
function recogniser(): Recogniser | null {
  return findRecogniser({
    platform: process.env.TARO_ENV,
    declared: VOICE_PLUGIN,
    requirePlugin: typeof requirePlugin === 'undefined' ? undefined : requirePlugin,
  });
}

/**
 * What went wrong, in words: when the person once refused the microphone (scope.record), WeChat
 * will not ask again, so say where to allow it and open the settings; otherwise the plugin's reason.
 */
async function explainError(retcode: number | undefined): Promise<void> {
  const { authSetting } = await Taro.getSetting().catch(() => ({ authSetting: {} as Record<string, boolean | undefined> }));
  if (authSetting['scope.record'] === false) {
    const { confirm } = await Taro.showModal({ title: '需要麦克风', content: '请在设置里允许使用麦克风，才能按住说话', confirmText: '去设置' });
    if (confirm) await Taro.openSetting();
    return;
  }
  await Taro.showToast({ title: voiceErrorText(retcode), icon: 'none' });
}

/** 按住说话: hold to speak, let go and the words are added to the box (长辈模式, weapp with the plugin only). */
export function VoiceInput({ onText }: { readonly onText: (text: string) => void }) {
  const manager = useRef<Recogniser | null | undefined>(undefined);
  if (manager.current === undefined) manager.current = recogniser();
  const [listening, setListening] = useState(false);
  const m = manager.current;
  if (!m) return null;
  m.onStop = (res) => {
    setListening(false);
    const text = res.result?.trim();
    if (text) onText(text);
    else void Taro.showToast({ title: voiceErrorText(undefined), icon: 'none' });
  };
  m.onError = (res) => {
    setListening(false);
    void explainError(res.retcode);
  };
  const stop = () => {
    // With zh_CN the plugin may not call onStop when nothing was said: let go always ends listening.
    setListening(false);
    m.stop();
  };
  return (
    <View
      className={`voice-input${listening ? ' listening' : ''}`}
      onTouchStart={() => {
        setListening(true);
        m.start({ lang: 'zh_CN', duration: 30_000 });
      }}
      onTouchEnd={stop}
      onTouchCancel={stop}
    >
      <Text>{listening ? '松开 结束' : '按住 说话'}</Text>
    </View>
  );
}
