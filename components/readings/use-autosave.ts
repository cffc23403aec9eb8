"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { SaveRequest, SummaryInitial } from "@/lib/readings/autosave-answer";
import { AutosaveEngine } from "./autosave-engine";
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

function put(readingId: string, body: SaveRequest, keepalive = false) {
  return fetch(`/api/readings/${readingId}/summary`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive,
  });
}

/** The autosave engine for one reading, and its state for rendering. Browser only. */
export function useAutosave(readingId: string, initial: SummaryInitial) {
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

  // The page says the meeting closed or reopened (a live event refreshed it).
  useEffect(() => engine.setClosed(initial.closed), [engine, initial.closed]);

  useEffect(() => {
    // Changes left from a previous visit go out now: this tab's own (a reload), or those of a
    // tab that was closed before they reached the server.
    engine.attach();
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
    // On the way out, one more try with a request that outlives the page. It carries the id of
    // the save it repeats, so the server applies it once however many copies arrive.
    const visibility = () => {
      if (document.visibilityState === "visible") {
        engine.kick();
        return;
      }
      const body = engine.beacon();
      if (!body || JSON.stringify(body).length > KEEPALIVE_MAX_BYTES) return;
      void put(readingId, body, true).catch(() => undefined);
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("visibilitychange", visibility);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("visibilitychange", visibility);
      engine.detach();
    };
  }, [engine, readingId]);

  return { ...state, engine };
}
