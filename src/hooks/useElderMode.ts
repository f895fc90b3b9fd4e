import Taro from '@tarojs/taro';
import { storage } from '@/api';
import { elderModeFor } from './elder-default';
import { createStore, useStore } from './store';

/** WeChat's text size in px (我-设置-通用-字体大小); undefined in H5 and on clients too old to say. */
function wechatFontPx(): number | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined;
  try {
    // Taro's typing of getAppBaseInfo leaves out fontSizeSetting; WeChat's own typing has it.
    const info = Taro.getAppBaseInfo() as Partial<WechatMiniprogram.AppBaseInfo>;
    return info.fontSizeSetting;
  } catch {
    return undefined;
  }
}

const choice = storage.getElderChoice();
const fontPx = choice === null ? wechatFontPx() : undefined;
const elder = createStore<boolean>(elderModeFor(choice, fontPx));

/** Toasts, dialogs and sheets are drawn outside every page, so the body says 长辈模式 too (H5). */
function markBody(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.body.classList.toggle('elder-mode', on);
}
markBody(elder.get());
/** True when the app switched itself on because WeChat's text is large: the switch says why, once. */
export const elderFromWechatFont = choice === null && elder.get();

/** 长辈模式: larger text everywhere and a shorter order form; remembered on this device. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useStore(elder);
  return [
    on,
    (next: boolean) => {
      storage.setElder(next);
      elder.set(next);
      markBody(next);
    },
  ];
}
