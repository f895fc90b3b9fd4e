/** 87.5% — or "—" where nothing was measured, never a misleading 0 % or 100 %. */
export const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
/** Handling time: "2.5小时", "25分钟", "不到1分钟"; "—" when nothing was closed. */
export function hours(x: number | null): string {
  if (x === null) return '—';
  if (x >= 1) return `${x.toFixed(1)}小时`;
  const minutes = Math.round(x * 60);
  return minutes < 1 ? '<1分钟' : `${minutes}分钟`;
}
