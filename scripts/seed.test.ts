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

describe("the demo seed on a database the app has open", () => {
  it("waits for the app's write lock, fills every screen and can run again", async () => {
    const { spawn } = await import("node:child_process");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const Database = (await import("better-sqlite3")).default;
    const file = join(mkdtempSync(join(tmpdir(), "yomikai-seed-")), "demo.db");
    const env = {
      ...process.env,
      NODE_ENV: "development" as const,
      DATABASE_URL: `file:${file}`,
    };
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn("npm", ["run", "--silent", "db:seed"], { env });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("close", (code) => resolve({ code, out }));
      });

    expect((await run()).code).toBe(0);
    // As the dev server would: hold the write lock for a while during the second run.
    const app = new Database(file);
    app.exec("BEGIN IMMEDIATE");
    const again = run();
    await new Promise((r) => setTimeout(r, 1500));
    app.exec("COMMIT");
    const second = await again;
    expect(second.code, second.out).toBe(0);
    const count = (sql: string) => (app.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM "Meeting"`)).toBe(2);
    expect(count(`SELECT count(*) AS n FROM "Meeting" WHERE phase = 'CLOSED'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM "Reading" WHERE answered = 6`)).toBe(3);
    expect(count(`SELECT count(*) AS n FROM "Meeting" WHERE "minutesToken" IS NOT NULL`)).toBe(1);
    app.close();
  }, 120_000);
});
