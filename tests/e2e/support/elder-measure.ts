import type { Page } from 'playwright-core';

/** The 适老化 minimums (工信部 2021, in CSS px at a 390 px phone: one dp/pt is one CSS px there). */
export const ELDER_RULES = {
  minFontPx: 18,
  mainTargetPx: 60,
  otherTargetPx: 44,
  minLineHeight: 1.3,
  minContrast: 4.5,
  largeTextContrast: 3,
  largeTextPx: 24,
} as const;

/** Classes of the main touch targets: the buttons a page is for, and the elder home's tiles. */
export const MAIN_TARGETS = ['.nut-button-primary', '.bottom-bar .nut-button', '.elder-tile', '.elder-call', '.elder-orders', '.taro-modal__foot > div'];

export interface Violation {
  readonly rule: 'font' | 'line-height' | 'contrast' | 'target';
  readonly element: string;
  readonly found: string;
}

/**
 * Measures what is visible now: every element with its own text (computed font size, line height,
 * contrast against the first opaque background behind it) and every clickable element (its box).
 * Clickable means a native control, a NutUI button, or any Taro element listening for taps.
 * Runs inside the page; returns each violation with a short description of the element.
 */
export function measureElderRules(page: Page): Promise<Violation[]> {
  return page.evaluate(
    ({ rules, mainSelectors }) => {
      const out: { rule: 'font' | 'line-height' | 'contrast' | 'target'; element: string; found: string }[] = [];
      const describe = (el: Element): string => {
        const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
        return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}>${text ? ` "${text}"` : ''}`;
      };
      const shown = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const parse = (c: string): [number, number, number, number] | null => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
      };
      const luminance = ([r, g, b]: readonly number[]) => {
        const lin = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
      };
      // The colours behind an element: its own and its ancestors' backgrounds blended down to white;
      // a gradient counts as each of its colour stops (the text must read on every one of them).
      const backgrounds = (el: Element | null): number[][] => {
        const layers: [number, number, number, number][][] = [];
        for (let e = el; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          const stops = style.backgroundImage.includes('gradient')
            ? (style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? []).map(parse).filter((c) => c !== null)
            : [];
          if (stops.length > 0) {
            layers.push(stops);
            if (stops.every((c) => c[3] >= 1)) break;
          }
          const c = parse(style.backgroundColor);
          if (c && c[3] > 0) {
            layers.push([c]);
            if (c[3] >= 1) break;
          }
        }
        let found = [[255, 255, 255]];
        for (const layer of layers.reverse())
          found = found.flatMap((rgb) => layer.map(([r, g, b, a]) => [r * a + rgb[0]! * (1 - a), g * a + rgb[1]! * (1 - a), b * a + rgb[2]! * (1 - a)]));
        return found;
      };
      const all = Array.from(document.querySelectorAll('body *')).filter(shown);
      for (const el of all) {
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
        const isField = el.matches('input, textarea');
        if (!ownText && !isField) continue;
        const style = getComputedStyle(el);
        const font = Number.parseFloat(style.fontSize);
        if (font < rules.minFontPx - 0.05) out.push({ rule: 'font', element: describe(el), found: `${font.toFixed(1)}px` });
        const lh = style.lineHeight === 'normal' ? Number.NaN : Number.parseFloat(style.lineHeight);
        // A single line centred in a taller box (line-height = box height) passes by being tall.
        if (!(lh >= font * rules.minLineHeight - 0.05)) out.push({ rule: 'line-height', element: describe(el), found: style.lineHeight });
        const fg = parse(style.color);
        // As WCAG 1.4.3, a control that cannot be used now (下月 in the current month) is exempt.
        const inactive = el.closest('[disabled], .disabled, .nut-button-disabled') !== null;
        if (fg && ownText && !inactive) {
          const ratio = Math.min(
            ...backgrounds(el).map((bg) => {
              const blended = [fg[0] * fg[3] + bg[0]! * (1 - fg[3]), fg[1] * fg[3] + bg[1]! * (1 - fg[3]), fg[2] * fg[3] + bg[2]! * (1 - fg[3])];
              const [hi, lo] = [luminance(blended), luminance(bg)].sort((a, b) => b - a) as [number, number];
              return (hi + 0.05) / (lo + 0.05);
            }),
          );
          const large = font >= rules.largeTextPx || (font >= 18.66 && Number(style.fontWeight) >= 700);
          if (ratio < (large ? rules.largeTextContrast : rules.minContrast) - 0.01)
            out.push({ rule: 'contrast', element: describe(el), found: `${ratio.toFixed(2)}:1` });
        }
      }
      const clickable = (el: Element): boolean => {
        if (el.matches('button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=switch], .nut-button')) return true;
        // Taro's H5 components keep their listeners in `__events`, not as DOM or React props.
        const events = (el as unknown as { __events?: Record<string, unknown> }).__events;
        return events !== undefined && ['click', 'tap', 'touchstart', 'longpress'].some((e) => e in events);
      };
      for (const el of all) {
        if (!clickable(el)) continue;
        const r = el.getBoundingClientRect();
        const main = mainSelectors.some((s) => el.matches(s));
        const min = main ? rules.mainTargetPx : rules.otherTargetPx;
        if (r.width < min - 0.5 || r.height < min - 0.5)
          out.push({ rule: 'target', element: `${main ? 'main ' : ''}${describe(el)}`, found: `${r.width.toFixed(0)}×${r.height.toFixed(0)}px` });
      }
      return out;
    },
    { rules: ELDER_RULES, mainSelectors: MAIN_TARGETS },
  );
}
