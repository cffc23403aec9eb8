// The bench's order of work, on its own so that a test can run it on a tiny world: every part
// measures while the servers run; then the servers stop; then every part counts what it needs
// (the autosave part reads the database) and reports; only then is the database removed.
import { cpus } from "node:os";

/** Every part's key in the JSON line, present in every run (null for a part not run). */
export const PART_NAMES = ["autosave", "pages", "js", "lighthouse", "live", "capacity", "search"];

/**
 * @param {{ stop(): Promise<void>; removeDatabase(): void }} app
 * @param {[string, (app: unknown, options: unknown) => Promise<{ after(): Promise<{ figures: object; checks: [string, boolean][] }> }>][]} parts
 */
export async function runParts(app, parts, options) {
  const finishing = [];
  try {
    try {
      for (const [name, part] of parts) finishing.push([name, await part(app, options)]);
    } finally {
      await app.stop();
    }
    const out = {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "unknown", node: process.version },
      seconds: options.seconds,
      ...Object.fromEntries(PART_NAMES.map((name) => [name, null])),
    };
    const checks = [];
    for (const [name, part] of finishing) {
      const { figures, checks: partChecks } = await part.after();
      out[name] = figures;
      for (const [text, ok] of partChecks) checks.push([`${name}: ${text}`, ok]);
    }
    return { out, checks };
  } finally {
    app.removeDatabase();
  }
}
