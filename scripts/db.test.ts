// The committed migrations must produce exactly the models: this fails when someone changes
// prisma/models.prisma without `npm run db:migrate`. PostgreSQL is checked too when the run is
// on PostgreSQL (DATABASE_URL=postgresql://…), as in CI's second pass.
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
const onPostgres = (process.env.DATABASE_URL ?? "").startsWith("postgres");

function runCheck(env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    [
      "--experimental-wasm-modules",
      "--no-warnings",
      "scripts/db.mjs",
      "check",
      ...(onPostgres ? [] : ["--sqlite-only"]),
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" },
  );
}

describe("migrations", () => {
  it("the per-provider schemas are up to date with prisma/models.prisma", () => {
    expect(() =>
      execFileSync(process.execPath, ["scripts/prisma-schemas.mjs", "--check"], { cwd: root }),
    ).not.toThrow();
  });

  it("agree with the models", () => {
    const r = runCheck();
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Models and migrations agree.");
    expect(r.status).toBe(0);
  });

  it("disagree when a model changes without a migration", () => {
    const dir = mkdtempSync(join(tmpdir(), "yomikai-drift-"));
    try {
      cpSync(join(root, "prisma"), dir, { recursive: true });
      for (const provider of ["sqlite", "postgres"]) {
        const file = join(dir, provider, "schema.prisma");
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace("model Group {", "model Group {\n  tagline String?"),
        );
      }
      const r = runCheck({ PRISMA_DIR: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/tagline/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
