// Charts drawn on the server as SVG (Observable Plot over linkedom's document): no chart code in
// the browser. Text and axes take the page's text colour (currentColor), so they read in either
// theme; bars take two colours that hold up on white and on the dark theme's slate. Each chart is
// marked aria-hidden: the table beside it is what a screen reader reads.
import "server-only";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export const SERIES_COLOURS = ["#3b82f6", "#f59e0b"];
/** Widths a chart is drawn at: a phone's column, and anything wider (shown by CSS, not by script). */
export const CHART_WIDTHS = { narrow: 340, wide: 600 } as const;
const FONT_PX = 14;

function render(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({
    document: document as unknown as Document,
    style: { background: "transparent", fontSize: `${FONT_PX}px` },
    ...options,
  }) as unknown as Element;
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  return svg.outerHTML;
}

/** Whole-number ticks from 0 to at least `max`, at most about six of them. */
export function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 5));
  return Array.from({ length: Math.floor(Math.max(max, 1) / step) + 1 }, (_, i) => i * step);
}

/** About how wide a label is drawn: CJK characters a full em, the rest a little over half. */
function labelWidth(label: string): number {
  let width = 0;
  for (const ch of label)
    width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? FONT_PX : FONT_PX * 0.6;
  return width;
}

/**
 * The labels to show on a band axis `width` pixels wide: all when they fit side by side, else
 * every n-th from the first (a year of weekly meetings would otherwise print 52 numbers on top of
 * each other).
 */
export function thinLabels(labels: string[], width: number): string[] {
  const widest = Math.max(0, ...labels.map(labelWidth)) + 8;
  const fit = Math.max(1, Math.floor((width - 40) / widest));
  const every = Math.ceil(labels.length / fit);
  return labels.filter((_, i) => i % every === 0);
}

/** Bars per category on x, one colour per series (grouped side by side when several). */
export function groupedBars(
  rows: { x: string; series: string; value: number }[],
  options: { xLabel: string; yLabel: string; width?: number },
): string {
  const series = [...new Set(rows.map((r) => r.series))];
  const width = options.width ?? CHART_WIDTHS.wide;
  return render({
    width,
    height: width < CHART_WIDTHS.wide ? 240 : 280,
    marginBottom: 44,
    x: { axis: null, domain: series, paddingInner: 0.1 },
    fx: {
      label: options.xLabel,
      padding: 0.2,
      ticks: thinLabels([...new Set(rows.map((r) => r.x))], width),
    },
    y: {
      label: options.yLabel || null,
      grid: true,
      ticks: countTicks(Math.max(0, ...rows.map((r) => r.value))),
      tickFormat: "d",
    },
    color: { domain: series, range: SERIES_COLOURS, legend: series.length > 1 },
    marks: [Plot.barY(rows, { fx: "x", x: "series", y: "value", fill: "series" }), Plot.ruleY([0])],
  });
}

/** Horizontal bars, one per label, longest first. */
export function horizontalBars(
  rows: { label: string; value: number }[],
  options: { xLabel: string; width?: number },
): string {
  return render({
    width: options.width ?? CHART_WIDTHS.wide,
    height: 72 + rows.length * 32,
    marginLeft: 110,
    marginRight: 40,
    marginBottom: 44,
    x: {
      label: options.xLabel,
      // Under the axis, not at its end, where it would sit on the last tick's number.
      labelAnchor: "center",
      grid: true,
      ticks: countTicks(Math.max(0, ...rows.map((r) => r.value))),
      tickFormat: "d",
    },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { x: "value", y: "label", fill: SERIES_COLOURS[0] }),
      Plot.text(rows, { x: "value", y: "label", text: "value", dx: 8, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  });
}
