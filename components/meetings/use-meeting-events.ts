"use client";

import { startTransition, useEffect, useRef, useState } from "react";
import type { BoardState } from "@/lib/meetings/board";

/**
 * The meeting's live state over server-sent events: a full snapshot on connect and after every
 * change. Going offline closes the stream; coming back (or a stream gone silent) opens a new one,
 * whose first snapshot catches up. `onPhase` runs when the meeting's phase changes.
 */
export function useMeetingEvents(
  initial: BoardState,
  onPhase?: (phase: BoardState["phase"]) => void,
) {
  const [board, setBoard] = useState(initial);
  const [connected, setConnected] = useState(true);
  const phase = useRef(initial.phase);
  const onPhaseRef = useRef(onPhase);
  useEffect(() => {
    onPhaseRef.current = onPhase;
  }, [onPhase]);

  useEffect(() => {
    let source: EventSource | null = null;
    let lastHeard = Date.now();
    const open = () => {
      source?.close();
      source = new EventSource(`/api/meetings/${initial.meetingId}/events`);
      source.addEventListener("board", (e) => {
        lastHeard = Date.now();
        const next = JSON.parse((e as MessageEvent<string>).data) as BoardState;
        // A snapshot redraws the whole board: rendered in slices, so typing never waits for it.
        startTransition(() => setBoard(next));
        setConnected(true);
        if (next.phase !== phase.current) {
          phase.current = next.phase;
          onPhaseRef.current?.(next.phase);
        }
      });
      source.addEventListener("ping", () => {
        lastHeard = Date.now();
      });
      source.onerror = () => setConnected(false);
    };
    const offline = () => {
      source?.close();
      source = null;
      setConnected(false);
    };
    const online = () => open();
    const watchdog = setInterval(() => {
      if (source && Date.now() - lastHeard > 45_000) {
        lastHeard = Date.now();
        open();
      }
    }, 5_000);
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    open();
    return () => {
      clearInterval(watchdog);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      source?.close();
    };
  }, [initial.meetingId]);

  return { board, connected };
}
