import { describe, expect, it } from "vitest";
import { CHART_WIDTHS, countTicks, groupedBars, thinLabels } from "./charts";

describe("thinLabels", () => {
  it("keeps every label that fits side by side", () => {
    const labels = ["1", "2", "3", "4", "5"];
    expect(thinLabels(labels, CHART_WIDTHS.narrow)).toEqual(labels);
  });

  it("keeps every n-th label, from the first, when a year of meetings would overlap", () => {
    const labels = Array.from({ length: 52 }, (_, i) => String(i + 1));
    const shown = thinLabels(labels, CHART_WIDTHS.narrow);
    expect(shown[0]).toBe("1");
    expect(shown.length).toBeLessThan(labels.length);
    // Evenly spaced, and each label has room: two digits at 14 px are about 25 px wide.
    const step = Number(shown[1]) - Number(shown[0]);
    expect(shown.every((l, i) => Number(l) === 1 + i * step)).toBe(true);
    expect(shown.length * 25).toBeLessThanOrEqual(CHART_WIDTHS.narrow);
  });

  it("counts Japanese characters as wider than Latin ones", () => {
    const ja = Array.from({ length: 12 }, (_, i) => `2026年${i + 1}月`);
    const en = Array.from({ length: 12 }, (_, i) => `M${i + 1}`);
    expect(thinLabels(ja, CHART_WIDTHS.wide).length).toBeLessThan(
      thinLabels(en, CHART_WIDTHS.wide).length,
    );
  });
});

describe("groupedBars", () => {
  it("draws an SVG of the asked width that prints only the thinned labels", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      x: String(i + 1),
      series: "readers",
      value: 100,
    }));
    const svg = groupedBars(rows, { xLabel: "meeting", yLabel: "", width: CHART_WIDTHS.narrow });
    expect(svg).toContain(`width="${CHART_WIDTHS.narrow}"`);
    const printed = [...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1]);
    expect(printed).toContain("1");
    expect(printed).not.toContain("2");
    expect(printed).not.toContain("3");
  });

  it("takes whole-number ticks", () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
  });
});
