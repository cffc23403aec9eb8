// The bad-input sweep for route handlers: for each handler that takes input, the edges of its
// schema (empty, malformed, wrong types, extra keys, control characters, NUL, huge numbers, 10 MB
// bodies with and without Content-Length) are sent by a caller who is allowed to use it. Every one
// is answered 4xx with a readable message, and what the handler could change is left exactly as it
// was (rows compared before and after).
import { request as httpRequest } from "node:http";
import type { BrowserContext } from "@playwright/test";
import { test, expect, makeRecapMeeting, signedInPage } from "./support/fixtures";
import { testDb } from "./support/db";

type Bad = { name: string; body: string; contentType?: string };

const NUL = "\u0000";
const huge = "x".repeat(10 * 1024 * 1024);

/** Edges every JSON body shares. */
const generic: Bad[] = [
  { name: "empty", body: "" },
  { name: "truncated JSON", body: '{"a":' },
  { name: "null", body: "null" },
  { name: "an array", body: "[]" },
  { name: "a string", body: '"text"' },
  { name: "a number", body: "1e309" },
  { name: "form encoding", body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
  { name: "10 MB", body: JSON.stringify({ text: huge }) },
];

const json = (value: unknown): string => JSON.stringify(value);

/** Edges per handler, from its schema. */
function perHandler(w: { readingId: string; order: string[] }): Record<string, Bad[]> {
  const save = (changes: unknown, extra: Record<string, unknown> = {}) =>
    json({ saveId: "sweep-save-1", baseVersion: 0, changes, ...extra });
  return {
    "PUT summary": [
      { name: "no changes", body: save({}) },
      { name: "unknown field", body: save({ evil: { base: "", value: "x" } }) },
      { name: "extra key", body: save({ gist: { base: "", value: "x" } }, { admin: true }) },
      { name: "value not a string", body: save({ gist: { base: "", value: 42 } }) },
      { name: "NUL in an answer", body: save({ gist: { base: "", value: `a${NUL}b` } }) },
      { name: "too long", body: save({ whatIsIt: { base: "", value: "y".repeat(20_001) } }) },
      {
        name: "negative version",
        body: save({ gist: { base: "", value: "x" } }, { baseVersion: -1 }),
      },
      {
        name: "fractional version",
        body: save({ gist: { base: "", value: "x" } }, { baseVersion: 1.5 }),
      },
      {
        name: "huge version",
        body: save({ gist: { base: "", value: "x" } }, { baseVersion: 2 ** 60 }),
      },
      {
        name: "bad save id",
        body: save({ gist: { base: "", value: "x" } }, { saveId: "../../x" }),
      },
    ],
    "POST recap": [
      { name: "unknown command", body: json({ command: "explode" }) },
      { name: "command and order", body: json({ command: "next", order: w.order }) },
      { name: "order of strangers", body: json({ order: ["a", "b"] }) },
      { name: "order too long", body: json({ order: Array(500).fill(w.readingId) }) },
      { name: "shuffle false", body: json({ shuffle: false }) },
      { name: "NUL in an id", body: json({ order: [`${w.readingId}${NUL}`] }) },
    ],
    "PUT remarks": [
      { name: "missing base", body: json({ text: "x" }) },
      { name: "text not a string", body: json({ text: 1, baseVersion: 0, baseText: "" }) },
      { name: "too long", body: json({ text: "z".repeat(20_001), baseVersion: 0, baseText: "" }) },
      { name: "NUL", body: json({ text: `a${NUL}`, baseVersion: 0, baseText: "" }) },
      { name: "extra key", body: json({ text: "x", baseVersion: 0, baseText: "", id: 1 }) },
      { name: "negative version", body: json({ text: "x", baseVersion: -5, baseText: "" }) },
    ],
    "POST image": [
      { name: "an executable", body: "MZ\x90\x00\x03 this program", contentType: "image/png" },
      { name: "SVG", body: '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>' },
      { name: "PNG cut short", body: "\x89PN", contentType: "image/png" },
      { name: "HTML", body: "<!doctype html><script>alert(1)</script>", contentType: "text/html" },
    ],
    "POST backup": [
      { name: "not a backup", body: json({ kind: "other" }) },
      { name: "future version", body: json({ kind: "yomikai-group-backup", version: 99 }) },
    ],
  };
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A body sent in chunks, without Content-Length. */
function sendChunked(url: string, method: string, cookie: string, chunks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "EPIPE" ? undefined : reject(e)));
    const piece = "a".repeat(1024 * 1024);
    req.write('{"text":"');
    let i = 0;
    const next = () => {
      if (i++ >= chunks) return req.end('"}');
      if (req.write(piece)) setImmediate(next);
      else req.once("drain", next);
    };
    next();
  });
}

test("every handler answers bad input with a 4xx and a message, and changes nothing", async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const m = await makeRecapMeeting();
  const reading = await testDb().reading.findFirstOrThrow({
    where: { meetingId: m.meetingId, userId: m.readers[0]!.id },
    select: { id: true },
  });
  const meeting = await testDb().meeting.findUniqueOrThrow({ where: { id: m.meetingId } });
  const w = { readingId: reading.id, order: JSON.parse(meeting.recapOrder) as string[] };

  const reader = await signedInPage(browser, m.readers[0]!);
  const facilitator = await signedInPage(browser, m.facilitator);
  const targets: Record<string, { context: BrowserContext; method: string; path: string }> = {
    "PUT summary": {
      context: reader.context,
      method: "PUT",
      path: `/api/readings/${reading.id}/summary`,
    },
    "POST recap": {
      context: facilitator.context,
      method: "POST",
      path: `/api/meetings/${m.meetingId}/recap`,
    },
    "PUT remarks": {
      context: reader.context,
      method: "PUT",
      path: `/api/meetings/${m.meetingId}/remarks`,
    },
    "POST image": {
      context: reader.context,
      method: "POST",
      path: `/api/readings/${reading.id}/images`,
    },
    "POST backup": {
      context: facilitator.context,
      method: "POST",
      path: `/api/groups/${m.group.slug}/backup`,
    },
  };

  // Everything these handlers could write, for this meeting and group.
  const dump = async () =>
    JSON.stringify(
      await Promise.all([
        testDb().meeting.findMany({ where: { groupId: meeting.groupId }, orderBy: { id: "asc" } }),
        testDb().reading.findMany({ where: { meetingId: m.meetingId }, orderBy: { id: "asc" } }),
        testDb().readingRevision.findMany({
          where: { reading: { meetingId: m.meetingId } },
          orderBy: { id: "asc" },
        }),
        testDb().readingImage.findMany({
          where: { reading: { meetingId: m.meetingId } },
          orderBy: { id: "asc" },
          select: { id: true },
        }),
        testDb().group.findUnique({ where: { id: meeting.groupId } }),
        testDb().membership.findMany({
          where: { groupId: meeting.groupId },
          orderBy: { id: "asc" },
        }),
        testDb().queueItem.findMany({
          where: { groupId: meeting.groupId },
          orderBy: { id: "asc" },
        }),
      ]),
    );
  const before = await dump();

  const failures: string[] = [];
  const cases = perHandler(w);
  for (const [name, target] of Object.entries(targets)) {
    for (const bad of [...generic, ...cases[name]!]) {
      const response = await target.context.request.fetch(target.path, {
        method: target.method,
        headers: { "content-type": bad.contentType ?? "application/json" },
        data: bad.body,
        failOnStatusCode: false,
      });
      const status = response.status();
      const body = (await response.json().catch(() => null)) as {
        error?: { code?: string; message?: string };
      } | null;
      if (status < 400 || status >= 500 || !body?.error?.message)
        failures.push(`${name} / ${bad.name}: ${status} ${JSON.stringify(body).slice(0, 120)}`);
    }
    // Ten megabytes in chunks, no Content-Length.
    const status = await sendChunked(
      `${baseURL}${target.path}`,
      target.method,
      await cookieHeader(target.context),
      10,
    );
    if (status < 400 || status >= 500) failures.push(`${name} / chunked 10 MB: ${status}`);
  }
  expect(failures).toEqual([]);
  expect(await dump()).toBe(before);

  // Queries: the paper look-up and the exports refuse what they cannot read.
  const q = (path: string) =>
    reader.context.request.get(path, { failOnStatusCode: false }).then((r) => r.status());
  expect(await q(`/api/meetings/${m.meetingId}/paper-lookup?q=${"x".repeat(2001)}`)).toBe(400);
  expect(await q(`/api/meetings/${m.meetingId}/minutes?format=exe`)).toBe(400);
  expect(await q(`/api/meetings/${m.meetingId}/minutes?format=md&locale=xx`)).toBe(400);
  await reader.context.close();
  await facilitator.context.close();
});
