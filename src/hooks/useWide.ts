/**
 * Type-checking face of the layout switch: Taro's build resolves `./useWide` to `useWide.weapp.ts`
 * (always the phone layout) or `useWide.h5.ts` (the desktop console from 1024 px). Keep their
 * exports identical to this file's.
 */
export { CONSOLE_MIN_WIDTH, useWide } from './useWide.h5';
