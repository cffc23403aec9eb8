"use client";

import { useCallback, useRef, useState } from "react";
import { errorCodes } from "@/lib/errors";
// recap/schema.ts holds only types and this list (no validators).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { recapFailures } from "@/lib/recap/schema";

function errorKey(error: { code?: string; reason?: string } | undefined): string {
  if (error?.reason && (recapFailures as readonly string[]).includes(error.reason))
    return `recap.errors.${error.reason}`;
  if (error?.code && error.code in errorCodes) return `errors.${error.code}`;
  return "errors.UNEXPECTED";
}

/**
 * Sends recap commands one after another: four quick presses are four steps. (The server applies
 * each over the state it read, so presses from two devices at the same instant move one step.)
 * The screen follows the live events, not the responses; a command applied answers with the
 * recap's revision, so a screen can tell the board that shows it from an older one still on its
 * way. `error` is a message key: a refusal's reason (recap.errors.*), an error code (errors.*), or
 * being offline.
 */
export function useRecapCommands(meetingId: string) {
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const send = useCallback(
    (body: Record<string, unknown>): Promise<{ revision: number } | null> => {
      const sent = queue.current.then(async () => {
        try {
          const res = await fetch(`/api/meetings/${meetingId}/recap`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
          });
          const payload = (await res.json().catch(() => null)) as {
            revision?: unknown;
            error?: { code?: string; reason?: string };
          } | null;
          if (res.ok) {
            setError(null);
            return typeof payload?.revision === "number" ? { revision: payload.revision } : null;
          }
          setError(errorKey(payload?.error));
        } catch {
          setError("recap.errors.offline");
        }
        return null;
      });
      queue.current = sent;
      return sent;
    },
    [meetingId],
  );
  return { send, error };
}
