"use client";

import { useSyncExternalStore, type CSSProperties } from "react";

/**
 * The light or dark theme of the shared screens (projector, recap). It follows the system until
 * someone picks one; the pick is remembered on this device, so the recap opens in the theme the
 * projector was left in.
 */
export type ScreenTheme = "light" | "dark";

const darkQuery = "(prefers-color-scheme: dark)";
const storageKey = "yomikai.screenTheme";
const listeners = new Set<() => void>();
// The pick for this page's lifetime, for when storage is unavailable (some private modes).
let picked: ScreenTheme | null = null;

function subscribe(onChange: () => void) {
  const mq = window.matchMedia?.(darkQuery);
  mq?.addEventListener("change", onChange);
  window.addEventListener("storage", onChange);
  listeners.add(onChange);
  return () => {
    mq?.removeEventListener("change", onChange);
    window.removeEventListener("storage", onChange);
    listeners.delete(onChange);
  };
}

function read(): ScreenTheme {
  let chosen: string | null = picked;
  try {
    chosen = window.localStorage.getItem(storageKey) ?? picked;
  } catch {
    // Storage unavailable: the pick made on this page, else the system's scheme.
  }
  if (chosen === "light" || chosen === "dark") return chosen;
  return window.matchMedia?.(darkQuery).matches ? "dark" : "light";
}

export function useScreenTheme(): [ScreenTheme, () => void] {
  const theme = useSyncExternalStore(subscribe, read, () => "light" as const);
  const toggle = () => {
    picked = theme === "dark" ? "light" : "dark";
    try {
      window.localStorage.setItem(storageKey, picked);
    } catch {
      // Not remembered on this device, but this page switches.
    }
    listeners.forEach((l) => l());
  };
  return [theme, toggle];
}

/** The colours a shared screen draws with, as CSS variables (contrast checked with axe). */
export const screenThemeVars: Record<ScreenTheme, CSSProperties> = {
  dark: {
    "--bg": "#0b1020",
    "--fg": "#f1f5f9",
    "--muted": "#a3b1c6",
    // Question labels on the recap slide: read from the back of the room.
    "--label": "#c7d2fe",
    "--card": "#151c33",
    "--line": "#2c375a",
    "--warn": "#fcd34d",
    "--late": "#fca5a5",
    "--late-bg": "#3b1220",
  } as CSSProperties,
  light: {
    "--bg": "#ffffff",
    "--fg": "#0f172a",
    "--muted": "#475569",
    "--label": "#3730a3",
    "--card": "#f1f5f9",
    "--line": "#cbd5e1",
    "--warn": "#b45309",
    "--late": "#b91c1c",
    "--late-bg": "#fef2f2",
  } as CSSProperties,
};
