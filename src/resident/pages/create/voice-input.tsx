import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';

/** WeChat's 同声传译 plugin's recogniser, the part we use. */
interface Recogniser {
  start(options: { lang: string; duration: number }): void;
  stop(): void;
  onStop: (res: { result?: string }) => void;
  onError: (res: unknown) => void;
}
declare const requirePlugin: ((name: string) => { getRecordRecognitionManager(): Recogniser }) | undefined;

/**
 * The speech recogniser where WeChat offers one: the mini-program's 微信同声传译 (WechatSI) plugin,
 * once it is declared in app.config's `plugins` for an AppID that added it. In H5, or without the
 * plugin, there is none and the button is not shown.
 */
function recogniser(): Recogniser | null {
  if (process.env.TARO_ENV !== 'weapp' || typeof requirePlugin !== 'function') return null;
  try {
    return requirePlugin('WechatSI').getRecordRecognitionManager();
  } catch {
    return null;
  }
}

/** 按住说话: hold to speak, let go and the words are added to the box (长辈模式, weapp only). */
export function VoiceInput({ onText }: { readonly onText: (text: string) => void }) {
  const manager = useRef<Recogniser | null | undefined>(undefined);
  if (manager.current === undefined) manager.current = recogniser();
  const [listening, setListening] = useState(false);
  const m = manager.current;
  if (!m) return null;
  m.onStop = (res) => {
    setListening(false);
    if (res.result) onText(res.result);
  };
  m.onError = () => setListening(false);
  return (
    <View
      className={`voice-input${listening ? ' listening' : ''}`}
      onTouchStart={() => {
        setListening(true);
        m.start({ lang: 'zh_CN', duration: 30_000 });
      }}
      onTouchEnd={() => m.stop()}
    >
      <Text>{listening ? '松开 结束' : '按住 说话'}</Text>
    </View>
  );
}
