"use client";

import { useLayoutEffect, useRef, useState, type RefObject } from "react";

/**
 * Fits a slide to the screen it is shown on. Self-contained (no outer names), because the page
 * also runs its source as an inline script before the first paint (fitSlideScript).
 *
 * A presenter's slide (it holds `[data-fit-columns]`): the answers flow down columns as wide as
 * a comfortable line, in a box of the height the name and paper leave. The type's base
 * (`--slide-base`) follows the screen — 20 px at 1280×720, three times that on a 4K projector,
 * 16 px at the least on a phone — and the scale (`--slide-scale`, 1 to 2.5) is the largest at
 * which every column is on the screen: short answers grow, long ones flow into more columns.
 * When even the base size needs more columns than the screen holds, the slide is set at the base
 * and its columns are shown a screenful at a time: `data-pages` says how many screenfuls.
 *
 * The closing slide (no columns) is scaled between 0.75 and 2 to fill the frame's height and
 * scrolls past that.
 */
export function fitSlide(box: HTMLElement, slide: HTMLElement): void {
  const columns = slide.querySelector<HTMLElement>("[data-fit-columns]");
  const set = (scale: number) => slide.style.setProperty("--slide-scale", String(scale));
  const screen = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
  slide.style.setProperty("--slide-base", `${20 * Math.min(3, Math.max(0.8, screen))}px`);
  let fits: () => boolean;
  let lo: number;
  let hi: number;
  if (columns) {
    const view = columns.parentElement!;
    lo = 1;
    hi = 2.5;
    fits = () =>
      columns.scrollWidth <= view.clientWidth + 1 && slide.scrollHeight <= box.clientHeight + 1;
  } else {
    const style = getComputedStyle(box);
    const room = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    lo = 0.75;
    hi = 2;
    fits = () => slide.scrollHeight <= room;
  }
  // Each try is a layout of the whole slide, before the browser paints. Most slides are at one
  // end (a full summary does not fit above the smallest scale on a phone or a laptop; a short one
  // fits at the largest on a projector), so the ends are tried first: one or two layouts. Only a
  // slide in between is searched, to about 1/100 in eight more.
  let scale = lo;
  set(lo);
  if (fits()) {
    set(hi);
    if (fits()) scale = hi;
    else {
      for (let i = 0; i < 8; i++) {
        const mid = (lo + hi) / 2;
        set(mid);
        if (fits()) lo = mid;
        else hi = mid;
      }
      scale = lo;
      set(scale);
    }
  }
  slide.dataset.scale = scale.toFixed(2);
  let pages = 1;
  if (columns) {
    const view = columns.parentElement!;
    const gap = parseFloat(getComputedStyle(columns).columnGap) || 0;
    // Each screenful is the box's width plus one gap: the columns beyond it start at that pitch.
    pages = Math.max(1, Math.ceil((columns.scrollWidth + gap - 1) / (view.clientWidth + gap)));
  }
  slide.dataset.pages = String(pages);
}

/**
 * The same fit as an inline script, placed last in the screen's root (`data-fit-root`) in the
 * server's HTML: the screen is painted with its slide at its fitted size from the first frame
 * instead of at scale 1 and then resized when the page's JavaScript arrives (a layout shift on the
 * projector, and slow on a phone). The root's content stays hidden until it has run
 * (app/globals.css), because the browser may paint the HTML before all of it has arrived; it is
 * shown even when the fit fails.
 */
export const fitSlideScript = `(function(){var r=document.currentScript&&document.currentScript.parentElement;try{var b=document.querySelector("[data-fit-frame]");var s=b&&b.querySelector("[data-fit-content]");if(s)(${fitSlide.toString()})(b,s)}catch(e){}if(r)r.setAttribute("data-fitted","")})()`;

/**
 * Keeps a slide fitted to its frame (fitSlide): measured in a layout effect, again when the frame
 * is resized or `key` changes. The frame carries `data-fit-frame` and the slide `data-fit-content`,
 * for the inline script that fits the first paint, and the screen's root `data-fit-root`.
 * Returns how many screenfuls the slide takes.
 */
export function useFitToHeight<F extends HTMLElement, C extends HTMLElement>(
  key: unknown,
): { frame: RefObject<F | null>; content: RefObject<C | null>; pages: number } {
  const frame = useRef<F>(null);
  const content = useRef<C>(null);
  const [pages, setPages] = useState(1);

  useLayoutEffect(() => {
    const box = frame.current;
    const slide = content.current;
    if (!box) return;
    // Shown from here on, had the inline script not run.
    const show = () => box.closest("[data-fit-root]")?.setAttribute("data-fitted", "");
    if (!slide) return show();
    const fit = () => {
      fitSlide(box, slide);
      setPages(Number(slide.dataset.pages ?? 1));
    };
    fit();
    show();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [key]);

  return { frame, content, pages };
}
