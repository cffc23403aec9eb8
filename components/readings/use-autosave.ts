"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { Changes } from "@/lib/readings/summary";
import { AutosaveEngine, type Initial } from "./autosave-engine";
import {
  clearDraft,
  findOrphanDraft,
  holdTabLock,
  loadDraft,
  removeDraftKey,
  saveDraft,
} from "./draft-store";

// navigator.sendBeacon / keepalive requests are limited to 64 KB.
const KEEPALIVE_MAX_BYTES = 60_000;

function put(
  readingId: string,
  body: { baseVersion: number; changes: Changes },
  keepalive = false,
) {
  return fetch(`/api/readings/${readingId}/summary`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive,
  });
}

/** The autosave engine for one reading, and its state for rendering. Browser only. */
export function useAutosave(readingId: string, initial: Initial) {
  const [engine] = useState(
    () =>
      new AutosaveEngine(initial, {
        send: (body) => put(readingId, body),
        store: {
          load: () => loadDraft(readingId),
          save: (d) => saveDraft(readingId, d),
          clear: () => clearDraft(readingId),
        },
      }),
  );
  const state = useSyncExternalStore(
    (l) => engine.subscribe(l),
    () => engine.state,
    () => engine.state,
  );

  useEffect(() => {
    // Changes left from a previous visit go out now: this tab's own (a reload), or those of a
    // tab that was closed before they reached the server.
    holdTabLock();
    engine.kick();
    void findOrphanDraft(readingId).then((orphan) => {
      if (orphan && engine.adopt(orphan.draft)) removeDraftKey(orphan.key);
    });
    const online = () => engine.kick();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (engine.hasUnsent()) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    // On the way out, one more try with a request that outlives the page.
    const hidden = () => {
      if (document.visibilityState !== "hidden") return;
      const changes = engine.pendingChanges();
      if (!Object.keys(changes).length) return;
      const body = { baseVersion: engine.version, changes };
      if (JSON.stringify(body).length > KEEPALIVE_MAX_BYTES) return;
      void put(readingId, body, true).catch(() => undefined);
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("visibilitychange", hidden);
      engine.stop();
    };
  }, [engine, readingId]);

  return { ...state, engine };
}
