// SQLite transactions beside another connection (a seed script, a test harness, a backup): a
// transaction that read before someone else wrote must still be able to write.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./db-client";

const file = join(tmpdir(), `yomikai-tx-${randomBytes(4).toString("hex")}.db`);
afterAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});

/** Another process that writes one row as soon as it can (waiting up to 10 s for the lock). */
function otherConnectionWrites(): Promise<number> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { timeout: 10000 });
    db.prepare("INSERT INTO RateHit (id, key, createdAt) VALUES ('other', 'k', 0)").run();
  `;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
}

describe("SQLite transactions", () => {
  it("take the write lock up front, so another connection's write waits instead of failing them", async () => {
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    setup.exec(`CREATE TABLE RateHit (id TEXT PRIMARY KEY, key TEXT, createdAt INTEGER)`);
    setup.close();

    const db = createPrismaClient(`file:${file}`, { timeoutMs: 10_000 });
    let other: Promise<number> | undefined;
    await db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT COUNT(*) FROM RateHit");
      // Another process writes while this transaction is open, after its read…
      other = otherConnectionWrites();
      await new Promise((r) => setTimeout(r, 300));
      // …and this transaction then writes: with a plain BEGIN, SQLite refuses (BUSY_SNAPSHOT).
      await tx.$executeRawUnsafe(
        "INSERT INTO RateHit (id, key, createdAt) VALUES ('mine', 'k', 0)",
      );
    });
    expect(await other).toBe(0);
    const rows = await db.$queryRawUnsafe<{ id: string }[]>("SELECT id FROM RateHit ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(["mine", "other"]);
    await db.$disconnect();
  });
});
