"use client";

import { useCallback, useState } from "react";

/** Sends recap commands; the screen follows the live events, not the response. */
export function useRecapCommands(meetingId: string) {
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(
    async (body: Record<string, unknown>) => {
      try {
        const res = await fetch(`/api/meetings/${meetingId}/recap`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        setError(
          res.ok
            ? null
            : (((await res.json().catch(() => null)) as { error?: { message?: string } } | null)
                ?.error?.message ?? `HTTP ${res.status}`),
        );
      } catch {
        setError("offline");
      }
    },
    [meetingId],
  );
  return { send, error };
}
