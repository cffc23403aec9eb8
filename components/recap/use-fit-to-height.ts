"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

const MIN_SCALE = 0.75;
const MAX_SCALE = 2;

/**
 * Scales a slide's text so that it fills its frame: the largest scale (between MIN and MAX, set as
 * `--slide-scale` and `data-scale` on the content) at which the content still fits the frame's
 * height. Short answers grow instead of leaving half the projector empty; long ones shrink to a
 * readable minimum and scroll beyond it. Measured again when the frame is resized or `key` changes.
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
    const fit = () => {
      const set = (scale: number) => slide.style.setProperty("--slide-scale", String(scale));
      const fits = () => slide.scrollHeight <= box.clientHeight - paddingY(box);
      let lo = MIN_SCALE;
      let hi = MAX_SCALE;
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
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [key]);

  return { frame, content };
}

function paddingY(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
}
