import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { saveErrors } from "@/lib/readings/autosave";
import { errorCodes } from "@/lib/errors";
import { joinFailures, phaseFailures, readerFailures } from "@/lib/meetings/schema";
import { readingFailures } from "@/lib/readings/schema";
import { recapFailures } from "@/lib/recap/schema";
import { queueFailures } from "@/lib/queue/schema";
import { minutesFailures } from "@/lib/minutes/schema";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]!).sort();
}

describe("message catalogs", () => {
  it("have exactly the same keys in Japanese and English", () => {
    const a = keys(en).sort();
    const b = keys(ja).sort();
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const get = (o: unknown, path: string) =>
      path.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o) as string;
    for (const key of keys(en)) {
      expect(new Set(placeholders(get(ja, key))), key).toEqual(new Set(placeholders(get(en, key))));
    }
  });

  it("have no empty strings", () => {
    const get = (o: unknown, path: string) =>
      path.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o);
    for (const key of keys(en)) {
      expect(String(get(en, key)).trim(), key).not.toBe("");
      expect(String(get(ja, key)).trim(), key).not.toBe("");
    }
  });

  it("say every autosave error code in both languages", () => {
    for (const code of Object.keys(saveErrors)) {
      expect(en.summary.saveErrors, code).toHaveProperty(code);
      expect(ja.summary.saveErrors, code).toHaveProperty(code);
    }
  });

  it("say every error code and refusal reason a user can meet, in both languages", () => {
    const shown = [
      ...[...Object.keys(errorCodes), "UNEXPECTED"].map((code) => `errors.${code}`),
      ...Object.keys(saveErrors).map((code) => `summary.saveErrors.${code}`),
      ...readingFailures.map((reason) => `timer.errors.${reason}`),
      ...[...joinFailures, ...phaseFailures, ...readerFailures].map(
        (reason) => `meeting.${reason}`,
      ),
      ...recapFailures.map((reason) => `recap.errors.${reason}`),
      ...queueFailures.map((reason) => `queue.${reason}`),
      ...minutesFailures.map((reason) => `minutes.${reason}`),
    ];
    const has = (catalog: unknown, key: string) =>
      typeof key
        .split(".")
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part],
          catalog,
        ) === "string";
    expect(shown.filter((key) => !has(en, key))).toEqual([]);
    expect(shown.filter((key) => !has(ja, key))).toEqual([]);
  });
});
