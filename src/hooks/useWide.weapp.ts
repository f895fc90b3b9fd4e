/** In the mini-program a phone is always a phone: the console is the H5 app's at desktop width. */
export const CONSOLE_MIN_WIDTH = 1024;

export function useWide(): boolean {
  return false;
}
