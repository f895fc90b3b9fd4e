import { useEffect } from 'react';

/** What a table offers to press: sortable headers, rows that open, filter chips. */
const PRESSABLE = '.data-table-th.sortable, .data-table-row.openable, .data-table-chip';

/**
 * Lets a keyboard do what a click does in the table with this id (H5): each pressable part gets a tab
 * stop, and Enter or Space presses the one in focus. Taro's H5 View writes `tabIndex` as a
 * `tab-index` attribute, which no browser reads, so the stops are set on the drawn elements.
 */
export function useKeyboardPress(id: string): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    const root = document.getElementById(id);
    if (!root) return;
    for (const el of root.querySelectorAll(PRESSABLE)) if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    const press = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if ((e.key !== 'Enter' && e.key !== ' ') || !target?.matches(PRESSABLE)) return;
      e.preventDefault();
      target.click();
    };
    root.addEventListener('keydown', press);
    return () => root.removeEventListener('keydown', press);
  });
}
