import { useEffect, useState } from 'react';

/** From this width on (CSS px) staff pages lay out as a desktop console: tables, detail beside the list. */
export const CONSOLE_MIN_WIDTH = 1024;

const QUERY = `(min-width: ${CONSOLE_MIN_WIDTH}px)`;
const matches = (): boolean => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;

/** Whether the browser window is wide enough for the console; follows the window as it is resized. */
export function useWide(): boolean {
  const [wide, setWide] = useState(matches);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(QUERY);
    const follow = () => setWide(media.matches);
    follow();
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return wide;
}
