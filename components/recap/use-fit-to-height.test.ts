import { afterEach, describe, expect, it, vi } from "vitest";
import { fitSlideScript } from "./use-fit-to-height";

/** A frame of `room` px and a slide whose height grows with its scale, as text does. */
function page(room: number, heightAtScale1: number) {
  const props = new Map<string, string>();
  const slide = {
    dataset: {} as Record<string, string>,
    style: { setProperty: (k: string, v: string) => props.set(k, v) },
    get scrollHeight() {
      return heightAtScale1 * Number(props.get("--slide-scale") ?? 1);
    },
  };
  const box = {
    clientHeight: room + 48,
    querySelector: (q: string) => (q === "[data-fit-content]" ? slide : null),
  };
  vi.stubGlobal("document", {
    querySelector: (q: string) => (q === "[data-fit-frame]" ? box : null),
  });
  vi.stubGlobal("getComputedStyle", () => ({ paddingTop: "24px", paddingBottom: "24px" }));
  return { slide, scale: () => Number(props.get("--slide-scale")) };
}

afterEach(() => vi.unstubAllGlobals());

describe("the slide fitted before the first paint (the inline script)", () => {
  it("is self-contained: run on its own, it grows a short slide to fill the frame", () => {
    const { slide, scale } = page(600, 300);
    new Function(fitSlideScript)();
    // 300 px of text in 600 px of room: the largest scale that fits, capped at 2.
    expect(scale()).toBe(2);
    expect(slide.dataset.scale).toBe("2.00");
  });

  it("shrinks a long slide to the largest scale that fits, never below 0.75", () => {
    const long = page(500, 400);
    new Function(fitSlideScript)();
    expect(long.scale()).toBeGreaterThan(1.2);
    expect(long.scale() * 400).toBeLessThanOrEqual(500);

    const huge = page(500, 5000);
    new Function(fitSlideScript)();
    expect(huge.scale()).toBe(0.75);
  });

  it("does nothing, and throws nothing, on a page without a slide", () => {
    vi.stubGlobal("document", { querySelector: () => null });
    expect(() => new Function(fitSlideScript)()).not.toThrow();
  });
});
