"use client";

import { createContext, useContext } from "react";
import type { CountdownState } from "@/lib/readings/countdown";

/** The reader's own countdown, for parts of the page below the big clock (the sticky bar). */
export type ReadingClock = {
  paperTitle: string;
  countdown: CountdownState;
  /** The server's now; null until the browser's clock is measured. */
  now: number | null;
};

export const ReadingClockContext = createContext<ReadingClock | null>(null);

export function useReadingClock(): ReadingClock | null {
  return useContext(ReadingClockContext);
}
