"use client";

import { startTransition, useEffect, useState } from "react";
import { estimateOffset, type ClockSample } from "@/lib/readings/countdown";

const SAMPLES = 3;
const REMEASURE_MS = 5 * 60_000;
// A sample whose round trip took longer than this says little (its error is half the round trip),
// and one taken while the computer slept or its clock was set says something wrong: skip it.
const MAX_ROUND_TRIP_MS = 10_000;

async function sample(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const res = await fetch("/api/time", { cache: "no-store" });
    const receivedAt = Date.now();
    if (!res.ok || receivedAt - sentAt > MAX_ROUND_TRIP_MS || receivedAt < sentAt) return null;
    const { now } = (await res.json()) as { now: number };
    return { sentAt, serverNow: now, receivedAt };
  } catch {
    return null;
  }
}

// The last offset measured, for a page opened without a network (the offline reading page).
const OFFSET_KEY = "yomikai:clock-offset";

function recalledOffset(): number {
  try {
    const n = Number(window.localStorage.getItem(OFFSET_KEY));
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}

function rememberOffset(offset: number) {
  try {
    window.localStorage.setItem(OFFSET_KEY, String(Math.round(offset)));
  } catch {
    // storage blocked: the next page measures again
  }
}

/**
 * server − browser clock offset in ms, or null until it is measured. No guess is made from the
 * page's render time: on a busy server that is seconds old by the time the page runs, and a second
 * device would show a different time. The first timed request gives an estimate good to half a
 * round trip; more refine it, again when the tab becomes visible (a laptop waking up) and every few
 * minutes. Without a network, the last measured offset is used.
 */
export function useServerOffset(): number | null {
  const [offset, setOffset] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    async function measure() {
      const samples: ClockSample[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const s = await sample();
        if (!s) continue;
        samples.push(s);
        const estimate = estimateOffset(samples);
        if (cancelled || estimate === null) continue;
        // The first estimate starts the clocks everywhere on the page: not urgent (see below).
        startTransition(() => setOffset(estimate));
        rememberOffset(estimate);
      }
      if (!cancelled && samples.length === 0) setOffset((known) => known ?? recalledOffset());
    }
    void measure();
    const onVisible = () => document.visibilityState === "visible" && void measure();
    document.addEventListener("visibilitychange", onVisible);
    const timer = setInterval(measure, REMEASURE_MS);
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(timer);
    };
  }, []);

  return offset;
}

/**
 * The server's "now", re-read from the clock (never counted) several times a second; null until
 * the offset is known, so that nothing shows a time that is not the server's.
 *
 * Each tick is a transition: a page with fifty readers redraws its board on it, and as an urgent
 * update that render ran in one piece (a phone's main thread blocked for 100–300 ms at load, when
 * the first tick redraws every row). As a transition React renders it in slices between the
 * reader's keystrokes and commits only the finished tree.
 */
export function useServerNow(offset: number | null, everyMs = 250): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (offset === null) return;
    const tick = () => startTransition(() => setNow(Date.now() + offset));
    tick();
    const timer = setInterval(tick, everyMs);
    return () => clearInterval(timer);
  }, [offset, everyMs]);
  return offset === null ? null : now;
}
