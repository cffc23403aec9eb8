import { afterEach, describe, expect, it, vi } from "vitest";
import { fitSlideScript } from "./use-fit-to-height";

/** A frame of `room` px and a slide whose height grows with its scale, as text does. */
function page(room: number, heightAtScale1: number) {
  const props = new Map<string, string>();
  const slide = {
    dataset: {} as Record<string, string>,
    querySelector: () => null,
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
  vi.stubGlobal("window", { innerWidth: 1280, innerHeight: 720 });
  return { slide, scale: () => Number(props.get("--slide-scale")) };
}

/**
 * A presenter's slide on a `width`×`height` screen: its answers, set in columns of a box
 * `viewWidth` wide, take `columnsAtScale1` columns' worth of width at scale 1 (text grows with the
 * scale in both directions, so the columns needed grow with its square).
 */
function presenter(screen: [number, number], viewWidth: number, columnsAtScale1: number) {
  const props = new Map<string, string>();
  let tries = 0;
  const gap = 30;
  const scale = () => Number(props.get("--slide-scale") ?? 1);
  const columnWidth = (viewWidth - gap) / 2;
  const view = { clientWidth: viewWidth };
  const columns = {
    parentElement: view,
    get scrollWidth() {
      const needed = Math.ceil(columnsAtScale1 * scale() ** 2);
      return needed * columnWidth + (needed - 1) * gap;
    },
  };
  const slide = {
    dataset: {} as Record<string, string>,
    querySelector: (q: string) => (q === "[data-fit-columns]" ? columns : null),
    style: {
      setProperty: (k: string, v: string) => {
        if (k === "--slide-scale") tries++;
        props.set(k, v);
      },
    },
    scrollHeight: 600,
  };
  const box = {
    clientHeight: 600,
    querySelector: (q: string) => (q === "[data-fit-content]" ? slide : null),
  };
  vi.stubGlobal("document", {
    querySelector: (q: string) => (q === "[data-fit-frame]" ? box : null),
  });
  vi.stubGlobal("getComputedStyle", () => ({ columnGap: `${gap}px` }));
  vi.stubGlobal("window", { innerWidth: screen[0], innerHeight: screen[1] });
  return { slide, scale, base: () => props.get("--slide-base"), tries: () => tries };
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

  it("sets the type's base by the screen: 20 px at 1280×720, 60 px on 4K, 16 px on a phone", () => {
    const laptop = presenter([1280, 720], 1200, 1);
    new Function(fitSlideScript)();
    expect(laptop.base()).toBe("20px");
    const projector = presenter([3840, 2160], 3600, 1);
    new Function(fitSlideScript)();
    expect(projector.base()).toBe("60px");
    const phone = presenter([390, 844], 360, 1);
    new Function(fitSlideScript)();
    expect(phone.base()).toBe("16px");
  });

  it("grows a short presenter slide while its columns stay on the screen: one page", () => {
    const { slide, scale } = presenter([1920, 1080], 1800, 0.5);
    new Function(fitSlideScript)();
    // Two columns fit; 0.5 × s² ≤ 2 up to s = 2 (the cap is 2.5).
    expect(scale()).toBeGreaterThan(1.9);
    expect(scale()).toBeLessThanOrEqual(2);
    expect(slide.dataset.pages).toBe("1");
  });

  it("sets a slide too long for the screen at the base size and counts its screenfuls", () => {
    const { slide, scale } = presenter([1280, 720], 1200, 5);
    new Function(fitSlideScript)();
    expect(scale()).toBe(1);
    // Five columns at two a screen: three screenfuls.
    expect(slide.dataset.pages).toBe("3");
  });

  it("lays a slide out once when it does not fit above the base, twice when it fits at the most", () => {
    // Each scale tried is a layout of the whole slide before the first paint (tens of ms on a
    // phone): a full summary on a laptop or a phone is not searched for a size it cannot take.
    const long = presenter([1280, 720], 1200, 5);
    new Function(fitSlideScript)();
    expect(long.scale()).toBe(1);
    expect(long.tries()).toBe(1);
    const short = presenter([1920, 1080], 1800, 0.1);
    new Function(fitSlideScript)();
    expect(short.scale()).toBe(2.5);
    expect(short.tries()).toBe(2);
    const between = presenter([1920, 1080], 1800, 0.5);
    new Function(fitSlideScript)();
    expect(between.scale()).toBeGreaterThan(1.9);
    expect(between.tries()).toBeLessThanOrEqual(11);
  });

  it("does nothing, and throws nothing, on a page without a slide", () => {
    vi.stubGlobal("document", { querySelector: () => null });
    expect(() => new Function(fitSlideScript)()).not.toThrow();
  });

  it("shows the screen it ends once the slide is fitted, and when the fit fails", () => {
    const { slide } = page(600, 300);
    const shown: string[] = [];
    const root = {
      setAttribute: (k: string) => shown.push(`${k} at scale ${slide.dataset.scale}`),
    };
    vi.stubGlobal("document", { ...(document as object), currentScript: { parentElement: root } });
    new Function(fitSlideScript)();
    expect(shown).toEqual(["data-fitted at scale 2.00"]);

    shown.length = 0;
    vi.stubGlobal("document", {
      currentScript: { parentElement: root },
      querySelector: () => {
        throw new Error("no layout");
      },
    });
    expect(() => new Function(fitSlideScript)()).not.toThrow();
    expect(shown).toEqual(["data-fitted at scale 2.00"]);
  });
});
