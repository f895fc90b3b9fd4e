// The part of uCharts (https://www.ucharts.cn, Apache-2.0) this app uses; the package ships no types.
declare module '@qiun/ucharts' {
  export interface UChartsSeries {
    name: string;
    data: (number | null)[];
    color?: string;
    /** line: draw points; column: bar colour per item is not used here. */
    pointShape?: 'circle' | 'none';
    connectNulls?: boolean;
    /** Which value axis the series is drawn against. */
    index?: number;
  }
  export interface UChartsOptions {
    type: 'line' | 'column' | 'area';
    context: CanvasRenderingContext2D;
    canvas2d?: boolean;
    width: number;
    height: number;
    pixelRatio?: number;
    fontSize?: number;
    fontColor?: string;
    background?: string;
    animation?: boolean;
    dataLabel?: boolean;
    dataPointShape?: boolean;
    padding?: [number, number, number, number];
    categories: string[];
    series: UChartsSeries[];
    color?: string[];
    legend?: Record<string, unknown>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }
  export default class UCharts {
    constructor(opts: UChartsOptions);
    getCurrentDataIndex(e: { changedTouches: { x: number; y: number }[] }): number | { index: number; group: number[] };
  }
}
