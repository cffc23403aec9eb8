// The benchmark's baseline route writes to any reading without signing in, so it must answer
// only the benchmark run that started the server (its token), and be a 404 everywhere else.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
process.env.BENCH_TOKEN = "t".repeat(40);
const { db } = await import("@/lib/db");
const { PUT } = await import("@/app/api/bench/baseline/route");
const { makeReading } = await import("./builders");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

const put = (readingId: string, token?: string) =>
  PUT(
    new Request("http://127.0.0.1/api/bench/baseline", {
      method: "PUT",
      headers: { "content-type": "application/json", ...(token ? { "x-bench-token": token } : {}) },
      body: JSON.stringify({ readingId, text: "overwritten?" }),
    }),
  );

describe("the bench baseline route", () => {
  it("is a 404 without the run's token and writes nothing", async () => {
    const { readingId } = await makeReading({ startedAt: Date.now() });
    for (const token of [undefined, "wrong", "t".repeat(39), "t".repeat(41)])
      expect((await put(readingId, token)).status).toBe(404);
    const gist = async () =>
      (await db.reading.findUniqueOrThrow({ where: { id: readingId } })).gist;
    expect(await gist()).not.toBe("overwritten?");
    expect((await put(readingId, "t".repeat(40))).status).toBe(200);
    expect(await gist()).toBe("overwritten?");
  });
});
