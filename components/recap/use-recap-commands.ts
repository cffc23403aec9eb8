"use client";

import { useCallback, useRef, useState } from "react";

/**
 * Sends recap commands one after another: four quick presses are four steps. (The server applies
 * each over the state it read, so presses from two devices at the same instant move one step.)
 * The screen follows the live events, not the responses.
 */
export function useRecapCommands(meetingId: string) {
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const send = useCallback(
    (body: Record<string, unknown>) => {
      queue.current = queue.current.then(async () => {
        try {
          const res = await fetch(`/api/meetings/${meetingId}/recap`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
          });
          const payload = res.ok
            ? null
            : ((await res.json().catch(() => null)) as { error?: { message?: string } } | null);
          setError(res.ok ? null : (payload?.error?.message ?? `HTTP ${res.status}`));
        } catch {
          setError("offline");
        }
      });
      return queue.current;
    },
    [meetingId],
  );
  return { send, error };
}
