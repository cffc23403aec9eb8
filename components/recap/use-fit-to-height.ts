"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * Scales `slide`'s text so that it fills `box`: the largest scale between 0.75 and 2 (set as
 * `--slide-scale` and `data-scale` on the slide) at which it still fits the box's height. Short
 * answers grow instead of leaving half the projector empty; long ones shrink to a readable minimum
 * and scroll beyond it. Self-contained (no outer names), because the page also runs its source as
 * an inline script before the first paint (fitSlideScript).
 */
export function fitSlide(box: HTMLElement, slide: HTMLElement): void {
  const min = 0.75;
  const max = 2;
  const style = getComputedStyle(box);
  const room = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const set = (scale: number) => slide.style.setProperty("--slide-scale", String(scale));
  const fits = () => slide.scrollHeight <= room;
  let lo = min;
  let hi = max;
  set(hi);
  if (!fits()) {
    // Binary search to 1/64: seven layouts, done before the browser paints.
    for (let i = 0; i < 7; i++) {
      const mid = (lo + hi) / 2;
      set(mid);
      if (fits()) lo = mid;
      else hi = mid;
    }
    hi = lo;
    set(lo);
  }
  slide.dataset.scale = hi.toFixed(2);
}

/**
 * The same fit as an inline script, placed right after the slide's frame in the server's HTML: the
 * slide is painted at its fitted size from the first frame instead of at scale 1 and then resized
 * when the page's JavaScript arrives (a layout shift on the projector, and slow on a phone).
 */
export const fitSlideScript = `(function(){try{var b=document.querySelector("[data-fit-frame]");var s=b&&b.querySelector("[data-fit-content]");if(s)(${fitSlide.toString()})(b,s)}catch(e){}})()`;

/**
 * Keeps a slide fitted to its frame (fitSlide): measured in a layout effect, again when the frame
 * is resized or `key` changes. The frame carries `data-fit-frame` and the slide `data-fit-content`,
 * for the inline script that fits the first paint.
 */
export function useFitToHeight<F extends HTMLElement, C extends HTMLElement>(
  key: unknown,
): { frame: RefObject<F | null>; content: RefObject<C | null> } {
  const frame = useRef<F>(null);
  const content = useRef<C>(null);

  useLayoutEffect(() => {
    const box = frame.current;
    const slide = content.current;
    if (!box || !slide) return;
    const fit = () => fitSlide(box, slide);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [key]);

  return { frame, content };
}
