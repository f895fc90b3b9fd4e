import { useEffect, useRef, useState } from 'react';
import { Canvas, Text, View } from '@tarojs/components';
import UCharts from '@qiun/ucharts';
import { useElderMode } from '@/hooks/useElderMode';
import { canvas2d, fitToCanvas, type Canvas2d } from './canvas-2d';
import './index.scss';

export interface ChartSeries {
  readonly name: string;
  /** Null where nothing was measured: a gap in a line, an empty slot in columns. */
  readonly data: readonly (number | null)[];
  readonly color: string;
}

interface Props {
  readonly type: 'line' | 'column';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Fixes the value axis (100 for percentages); otherwise it fits the data. */
  readonly max?: number;
  readonly unit: string;
  /** A tap on the chart picks the nearest category. */
  readonly onPick?: (index: number) => void;
}

let nextId = 0;

/** A value axis top that splits into four whole steps (4, 8, 12, …). */
function niceMax(series: readonly ChartSeries[]): number {
  const highest = Math.max(0, ...series.flatMap((s) => s.data.map((v) => v ?? 0)));
  return Math.max(4, Math.ceil(highest / 4) * 4);
}

/** About five axis labels, counted back from the last one so the latest day is always named and none collide. */
function sparseLabels(categories: readonly string[]): string[] {
  const step = Math.max(1, Math.ceil((categories.length - 1) / 4));
  return categories.map((c, i) => ((categories.length - 1 - i) % step === 0 ? c : ''));
}

/**
 * A chart drawn by uCharts on a `<Canvas type="2d">`, the same code in the mini-program and in H5.
 * Axis and legend text follow 长辈模式. The figures themselves are also given as text by the page, so
 * nothing is only in the picture.
 */
export function Chart({ type, categories, series, max, unit, onPick }: Props) {
  const [id] = useState(() => `uchart-${++nextId}`);
  const [elder] = useElderMode();
  const [failed, setFailed] = useState(false);
  const drawn = useRef<{ chart: UCharts; surface: Canvas2d } | null>(null);
  const data = JSON.stringify([type, categories, series, max, unit, elder]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `data` stands for every input of the drawing, compared by value
  useEffect(() => {
    let stale = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const draw = (surface: Canvas2d) => {
      const { context, width, height, pixelRatio } = surface;
      const font = elder ? 19 : 16;
      const top = max ?? niceMax(series);
      // Round joins: a sharp dip drawn with mitred joins pokes past 100 %.
      context.lineJoin = 'round';
      // uCharts measures in device pixels: it multiplies its own sizes by pixelRatio.
      const chart = new UCharts({
        type,
        context,
        canvas2d: true,
        width: width * pixelRatio,
        height: height * pixelRatio,
        pixelRatio,
        fontSize: font,
        fontColor: '#333333',
        background: '#FFFFFF',
        animation: false,
        dataLabel: false,
        dataPointShape: categories.length <= 31,
        padding: [12, 12, 4, 4],
        categories: sparseLabels(categories),
        series: series.map((s) => ({ name: s.name, data: [...s.data], color: s.color, index: 0 })),
        legend: { show: series.length > 1, position: 'top', fontSize: font, lineHeight: font + 6, itemGap: 14 },
        xAxis: { disableGrid: true, fontSize: font, fontColor: '#4d4d4d', axisLineColor: '#999999' },
        yAxis: { gridType: 'dash', dashLength: 4, splitNumber: 4, data: [{ min: 0, max: top, unit, fontSize: font, fontColor: '#4d4d4d' }] },
        extra: {
          line: { type: 'straight', width: 3 },
          column: { type: 'group', width: Math.max(4, Math.floor(width / Math.max(1, categories.length) / 2)), barBorderCircle: true },
        },
      });
      drawn.current = { chart, surface };
    };
    void canvas2d(id).then((surface) => {
      if (stale) return;
      if (!surface) return setFailed(true);
      draw(surface);
      // Drawn again if the canvas was reset under it (H5 re-renders the element once it has measured itself).
      for (const ms of [80, 250, 600, 1200]) {
        timers.push(setTimeout(() => !stale && fitToCanvas(surface) && draw(surface), ms));
      }
    });
    return () => {
      stale = true;
      timers.forEach(clearTimeout);
    };
  }, [id, data]);

  /** A tap's x across the canvas, in CSS pixels: canvas touches carry it in the mini-program; in H5, from the box. */
  const pick = (x: number | undefined) => {
    const d = drawn.current;
    if (!onPick || !d || x === undefined) return;
    const hit = d.chart.getCurrentDataIndex({ changedTouches: [{ x, y: d.surface.height / 2 }] });
    const index = typeof hit === 'number' ? hit : hit.index;
    if (index >= 0 && index < categories.length) onPick(index);
  };
  const xOf = (e: { changedTouches?: { x?: number; clientX?: number }[]; clientX?: number }): number | undefined => {
    const t = e.changedTouches?.[0];
    if (typeof t?.x === 'number') return t.x;
    const clientX = t?.clientX ?? e.clientX;
    const box = drawn.current?.surface.canvas.getBoundingClientRect?.();
    return typeof clientX === 'number' && box ? clientX - box.left : undefined;
  };

  if (failed) return <Text className="muted chart-empty">图表暂时无法显示，请看下方数字</Text>;
  return (
    <View className={`chart-box${elder ? ' elder' : ''}`}>
      <Canvas
        type="2d"
        id={id}
        className="chart-canvas"
        onTouchEnd={(e) => pick(xOf(e as never))}
        onClick={(e) => process.env.TARO_ENV === 'h5' && pick(xOf(e as never))}
      />
    </View>
  );
}
