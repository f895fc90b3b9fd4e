/**
 * WeChat's own text size at which the app starts in 长辈模式 unless the user chose otherwise. WeChat's
 * standard text is 17 px; its larger settings and 关怀模式 (about 23.8 px) pass 20 px.
 */
export const LARGE_WECHAT_FONT_PX = 20;

/**
 * Whether 长辈模式 is on: the user's own choice wins; without one, a large WeChat font setting
 * (`getAppBaseInfo().fontSizeSetting`, weapp only) switches it on, as WeChat's elderly design guide asks.
 */
export function elderModeFor(choice: boolean | null, wechatFontPx: number | undefined): boolean {
  if (choice !== null) return choice;
  return typeof wechatFontPx === 'number' && wechatFontPx >= LARGE_WECHAT_FONT_PX;
}
