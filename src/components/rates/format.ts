/** 87.5% — or "—" where nothing was measured, never a misleading 0 % or 100 %. */
export const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
export const hours = (x: number | null): string => (x === null ? '—' : `${x.toFixed(1)}小时`);
