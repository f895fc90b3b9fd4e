/**
 * Lets keyboard users scroll what scrolls: Taro's H5 page element (and the console's side pane) is a
 * scroll box of its own, which a keyboard can move only once it can take focus (axe:
 * scrollable-region-focusable). Taro draws that element itself, so its tab stop is added here. H5 only.
 */
export function focusScrollBoxes(selector: string): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  for (const el of document.querySelectorAll(selector)) if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
}
