import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the demo seed", () => {
  it("refuses to run with NODE_ENV=production (demo accounts have a published password)", () => {
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/seed.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: "file:./.data/never-created.db",
      },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to seed demo data with NODE_ENV=production/);
  });
});
