// The authorization matrix: every route handler × every kind of caller, with the answer each must
// get, walked against the running app (on SQLite and on PostgreSQL in CI). A route handler added
// without its row here fails the first test.
import { readFileSync } from "node:fs";
import { filesNamed } from "./support/app-files";
import { join, relative, sep } from "node:path";
import type { BrowserContext } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeGroup,
  makeMeeting,
  addMember,
  addReading,
  signedInPage,
  type TestUser,
} from "./support/fixtures";
import { testDb } from "./support/db";
import { roles, type Role } from "./support/roles";

type World = {
  meetingId: string;
  groupSlug: string;
  readingId: string;
  token: string;
  /** The owner's calendar feed token. */
  calendar: string;
  /** An image in the reader's answers. */
  imageId: string;
};
/** The status a caller must get; several when the outcome also depends on state (200 or 409). */
type Expected = number | number[];
type Call = (w: World) => {
  path: string;
  method?: "GET" | "POST" | "PUT";
  data?: unknown;
  /** Read only the status: the answer is a stream that does not end. */
  stream?: boolean;
};

/** Expected status per role; `ok` is 200 unless said otherwise. */
const everyone = (status: number) =>
  Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, Expected>;
const signedIn = (member: Expected, others: Partial<Record<Role, Expected>> = {}) => ({
  anonymous: 401,
  nonMember: 404,
  removedMember: 404,
  member,
  reader: member,
  otherReader: member,
  facilitator: member,
  admin: member,
  owner: member,
  ...others,
});

const saveBody = {
  saveId: "matrix-save-1",
  baseVersion: 0,
  changes: { gist: { base: "", value: "x" } },
};

// The table. Keys are "METHOD /api/path" as the files name them.
const matrix: Record<string, { call: Call; expect: Record<Role, Expected> } | "library"> = {
  "GET /api/auth/[...nextauth]": "library",
  "POST /api/auth/[...nextauth]": "library",
  "GET /api/health": { call: () => ({ path: "/api/health" }), expect: everyone(200) },
  "GET /api/time": { call: () => ({ path: "/api/time" }), expect: everyone(200) },
  "GET /api/schemas/meeting-export": {
    call: () => ({ path: "/api/schemas/meeting-export" }),
    expect: everyone(200),
  },
  "PUT /api/bench/baseline": {
    call: (w) => ({
      path: "/api/bench/baseline",
      method: "PUT",
      data: { readingId: w.readingId, text: "x" },
    }),
    expect: everyone(404),
  },
  "GET /api/meetings/[meetingId]/events": {
    call: (w) => ({ path: `/api/meetings/${w.meetingId}/events`, stream: true }),
    expect: signedIn(200),
  },
  "GET /api/meetings/[meetingId]/recap": {
    call: (w) => ({ path: `/api/meetings/${w.meetingId}/recap` }),
    expect: signedIn(200),
  },
  "POST /api/meetings/[meetingId]/recap": {
    // Those who drive the recap get it done, or refused for the recap's state (409), never 403.
    call: (w) => ({
      path: `/api/meetings/${w.meetingId}/recap`,
      method: "POST",
      data: { command: "next" },
    }),
    expect: signedIn(403, { facilitator: [200, 409], admin: [200, 409], owner: [200, 409] }),
  },
  "GET /api/meetings/[meetingId]/paper-lookup": {
    call: (w) => ({ path: `/api/meetings/${w.meetingId}/paper-lookup?q=not-an-id` }),
    expect: signedIn(200),
  },
  "GET /api/meetings/[meetingId]/minutes": {
    call: (w) => ({ path: `/api/meetings/${w.meetingId}/minutes?format=md` }),
    expect: signedIn(200),
  },
  "PUT /api/meetings/[meetingId]/remarks": {
    call: (w) => ({
      path: `/api/meetings/${w.meetingId}/remarks`,
      method: "PUT",
      data: { text: "Thanks all.", baseVersion: 0, baseText: "" },
    }),
    expect: signedIn(200),
  },
  "GET /api/meetings/[meetingId]/calendar": {
    call: (w) => ({ path: `/api/meetings/${w.meetingId}/calendar?locale=ja` }),
    expect: signedIn(200),
  },
  "GET /api/calendar/[feed]": {
    // The token is the key (calendar apps cannot sign in): whoever holds it reads the feed.
    call: (w) => ({ path: `/api/calendar/${w.calendar}.ics` }),
    expect: everyone(200),
  },
  "GET /api/minutes/[token]": {
    call: (w) => ({ path: `/api/minutes/${w.token}?format=md` }),
    expect: everyone(200),
  },
  "GET /api/readings/[readingId]/summary": {
    call: (w) => ({ path: `/api/readings/${w.readingId}/summary` }),
    expect: signedIn(404, { reader: 200 }),
  },
  "PUT /api/readings/[readingId]/summary": {
    call: (w) => ({ path: `/api/readings/${w.readingId}/summary`, method: "PUT", data: saveBody }),
    expect: signedIn(404, { reader: 200 }),
  },
  "GET /api/readings/[readingId]/revisions": {
    call: (w) => ({ path: `/api/readings/${w.readingId}/revisions` }),
    expect: signedIn(404, { reader: 200 }),
  },
  "GET /api/readings/[readingId]/pdf": {
    // Members may open a reader's paper (a facilitator looking at it with them).
    call: (w) => ({ path: `/api/readings/${w.readingId}/pdf` }),
    expect: signedIn(200),
  },
  "POST /api/readings/[readingId]/images": {
    call: (w) => ({
      path: `/api/readings/${w.readingId}/images`,
      method: "POST",
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    }),
    expect: signedIn(404, { reader: 201 }),
  },
  "GET /api/images/[imageId]": {
    // Nothing tells a stranger whether an image exists: 404, signed in or not.
    call: (w) => ({ path: `/api/images/${w.imageId}` }),
    expect: signedIn(200, { anonymous: 404 }),
  },
  "GET /api/groups/[slug]/backup": {
    call: (w) => ({ path: `/api/groups/${w.groupSlug}/backup` }),
    expect: signedIn(403, { owner: 200 }),
  },
  "POST /api/groups/[slug]/backup": {
    // Only the owner gets as far as the file (which is not a backup: 400).
    call: (w) => ({ path: `/api/groups/${w.groupSlug}/backup`, method: "POST", data: {} }),
    expect: signedIn(403, { owner: 400 }),
  },
};

function routeKeys(): string[] {
  const root = join(process.cwd(), "app", "api");
  return filesNamed(root, "route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const route = `/api/${relative(root, file).split(sep).slice(0, -1).join("/")}`;
    const methods = new Set<string>();
    for (const m of source.matchAll(
      /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
    ))
      methods.add(m[1]!);
    // next-auth's handlers are re-exported as { GET, POST }.
    for (const m of source.matchAll(/export const \{([^}]+)\}/g))
      for (const name of m[1]!.split(",").map((s) => s.trim()))
        if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
    return [...methods].map((method) => `${method} ${route}`);
  });
}

test("every route handler has its row in the matrix", () => {
  expect(routeKeys().sort()).toEqual(Object.keys(matrix).sort());
});

test("every route handler answers every kind of caller as the matrix says", async ({ browser }) => {
  test.slow();
  const people = {} as Record<Exclude<Role, "anonymous">, TestUser>;
  for (const r of roles) if (r !== "anonymous") people[r] = await makeUser({ name: `Matrix ${r}` });
  const group = await makeGroup(people.owner.id);
  await addMember(group.slug, people.admin.id, "ADMIN");
  for (const r of ["member", "reader", "otherReader", "facilitator", "removedMember"] as const)
    await addMember(group.slug, people[r].id);
  const meeting = await makeMeeting(group.slug, people.facilitator.id, 1, { phase: "RECAP" });
  const readingId = await addReading(meeting.id, people.reader.id, { startedAgoMs: 60 * 60_000 });
  const other = await addReading(meeting.id, people.otherReader.id, { startedAgoMs: 60 * 60_000 });
  await addReading(meeting.id, people.removedMember.id, { startedAgoMs: 60 * 60_000 });
  await testDb().meeting.update({
    where: { id: meeting.id },
    data: {
      recapOrder: JSON.stringify([readingId, other]),
      minutesToken: `matrix${meeting.id}`.slice(0, 32).padEnd(32, "x"),
    },
  });
  await testDb().membership.deleteMany({
    where: { userId: people.removedMember.id, group: { slug: group.slug } },
  });
  const token = (await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } }))
    .minutesToken!;
  const calendar = `cal${meeting.id}`.slice(0, 32).padEnd(32, "x");
  await testDb().membership.updateMany({
    where: { userId: people.owner.id, group: { slug: group.slug } },
    data: { calendarToken: calendar },
  });
  // The reader's paper is on arXiv (the stand-in serves its PDF), and their answers hold an image.
  const { paperId } = await testDb().reading.findUniqueOrThrow({
    where: { id: readingId },
    select: { paperId: true },
  });
  await testDb().paper.update({
    where: { id: paperId },
    data: { arxivId: `matrix-${meeting.id}` },
  });
  const image = await testDb().readingImage.create({
    data: {
      readingId,
      mime: "image/png",
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      size: 8,
    },
    select: { id: true },
  });
  const world: World = {
    imageId: image.id,
    meetingId: meeting.id,
    groupSlug: group.slug,
    readingId,
    token,
    calendar,
  };

  const contexts = new Map<Role, BrowserContext>();
  for (const r of roles) {
    if (r === "anonymous") contexts.set(r, await browser.newContext());
    else contexts.set(r, (await signedInPage(browser, people[r])).context);
  }

  const failures: string[] = [];
  for (const [key, row] of Object.entries(matrix)) {
    if (row === "library") continue;
    for (const role of roles) {
      const context = contexts.get(role)!;
      const { path, method = "GET", data, stream } = row.call(world);
      let status: number;
      if (stream) {
        const page = context.pages()[0] ?? (await context.newPage());
        if (page.url() === "about:blank") await page.goto("/api/health");
        status = await page.evaluate(async (url) => {
          const controller = new AbortController();
          const response = await fetch(url, { signal: controller.signal });
          controller.abort();
          return response.status;
        }, path);
      } else {
        // A busy database answers 503 (try again): not a verdict on rights, so asked again.
        for (let attempt = 0; ; attempt++) {
          const response = await context.request.fetch(path, {
            method,
            ...(data !== undefined ? { data } : {}),
            failOnStatusCode: false,
            maxRedirects: 0,
          });
          status = response.status();
          if (status !== 503 || attempt === 3) break;
        }
      }
      const wanted = [row.expect[role]].flat();
      if (!wanted.includes(status))
        failures.push(`${key} as ${role}: ${status}, expected ${wanted.join(" or ")}`);
    }
  }
  expect(failures).toEqual([]);
  for (const c of contexts.values()) await c.close();
});
