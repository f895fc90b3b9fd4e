import Taro from '@tarojs/taro';

/** A `<Canvas type="2d">` ready to draw on: its 2D context and its size in CSS pixels. */
export interface Canvas2d {
  readonly canvas: { width: number; height: number; getBoundingClientRect?: () => { left: number; top: number } };
  readonly context: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

interface NodeField {
  readonly node?: Canvas2d['canvas'] & { getContext?: (type: '2d') => CanvasRenderingContext2D | null };
  readonly width?: number;
  readonly height?: number;
}

/**
 * The node and the box of `#id`, asked separately: Taro's H5 query hands out a canvas node only when
 * `nodeCanvasType` is asked for too, and then answers nothing else.
 */
const query = (id: string) =>
  new Promise<NodeField | null>((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, nodeCanvasType: true } as Taro.NodesRef.Fields)
      .select(`#${id}`)
      .boundingClientRect()
      .exec((res: ({ node?: NodeField['node'] } | { width?: number; height?: number } | null)[]) => {
        const [found, box] = res ?? [];
        resolve(found && box ? { ...(found as { node?: NodeField['node'] }), ...(box as { width?: number; height?: number }) } : null);
      });
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pixelRatio(): number {
  try {
    return Math.min(3, Math.max(1, Taro.getSystemInfoSync().pixelRatio || 1));
  } catch {
    return 1;
  }
}

/**
 * Finds the canvas node the same way in the mini-program and in H5 (Taro's selector query returns
 * the node of a 2d canvas in both), sized to its box at the screen's pixel ratio. The node appears
 * only after the page has rendered, so a few short retries; null if it never does.
 */
export async function canvas2d(id: string): Promise<Canvas2d | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise<void>((resolve) => Taro.nextTick(resolve));
    const found = await query(id).catch(() => null);
    const node = found?.node;
    const width = found?.width ?? 0;
    const height = found?.height ?? 0;
    const context = node?.getContext?.('2d');
    if (node && context && width > 0 && height > 0) {
      const surface = { canvas: node, context, width, height, pixelRatio: pixelRatio() };
      fitToCanvas(surface);
      return surface;
    }
    await pause(60 * (attempt + 1));
  }
  return null;
}

/**
 * Sizes the canvas's pixels to its box at the pixel ratio; false when they already were. H5's
 * canvas element resets them to its CSS size whenever it re-renders (which wipes the drawing), so a
 * chart checks this again shortly after drawing.
 */
export function fitToCanvas(s: Canvas2d): boolean {
  const width = Math.round(s.width * s.pixelRatio);
  const height = Math.round(s.height * s.pixelRatio);
  if (s.canvas.width === width && s.canvas.height === height) return false;
  s.canvas.width = width;
  s.canvas.height = height;
  return true;
}
