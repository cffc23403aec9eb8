"use client";

import { useEffect, useState } from "react";
import { estimateOffset, type ClockSample } from "@/lib/readings/countdown";

const SAMPLES = 3;
const REMEASURE_MS = 5 * 60_000;

async function sample(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const res = await fetch("/api/time", { cache: "no-store" });
    const receivedAt = Date.now();
    if (!res.ok) return null;
    const { now } = (await res.json()) as { now: number };
    return { sentAt, serverNow: now, receivedAt };
  } catch {
    return null;
  }
}

/**
 * server − browser clock offset in ms. Starts from the page's render time (good to a round trip)
 * and is refined by timed requests, again when the tab becomes visible (a laptop waking up) and
 * every few minutes.
 */
export function useServerOffset(renderedServerNow: number): number {
  const [offset, setOffset] = useState(() => renderedServerNow - Date.now());

  useEffect(() => {
    let cancelled = false;
    async function measure() {
      const samples: ClockSample[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const s = await sample();
        if (s) samples.push(s);
      }
      const estimate = estimateOffset(samples);
      if (!cancelled && estimate !== null) setOffset(estimate);
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

/** The server's "now", re-read from the clock (never counted) several times a second. */
export function useServerNow(offset: number, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), everyMs);
    return () => clearInterval(timer);
  }, [offset, everyMs]);
  return now;
}
