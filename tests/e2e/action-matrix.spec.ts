// The authorization matrix for server actions: every action the build contains × every kind of
// caller, each called over HTTP (as a stale page or a hand-made request would) in a world of its
// own, with the outcome it must get and — where the action writes — whether the write happened.
// An action added without its row fails the first test. Then the bad-input sweep: each action's
// fields are given the edges of their schemas by a caller allowed to use it; every answer is a
// message or field error (never a server error), and nothing is written unless the answer was a
// success (with nothing stored that a schema forbids).
import type { BrowserContext } from "@playwright/test";
import { test, expect, makeUser, signedInPage, uniqueId, type TestUser } from "./support/fixtures";
import { testDb } from "./support/db";
import { roles, type Role } from "./support/roles";
import { buildActions, callAction, pageOf, type ActionArgs, type Outcome } from "./support/actions";

type Person = Exclude<Role, "anonymous"> | "target";
type Phase = "PLANNED" | "READING" | "RECAP" | "CLOSED";

/**
 * One action's fresh world: a group (owner, admin; members including two readers, the meeting's
 * facilitator and a `target` to act on), a removed member who once read in it, meeting 1 in
 * `phase` with the reader not yet started and the other reader started, an invite and a queued
 * paper added by the other reader.
 */
type World = {
  startedAt: Date;
  slug: string;
  groupId: string;
  meetingId: string;
  number: number;
  token: string;
  inviteId: string;
  itemId: string;
  membership: Record<Person, string | undefined>;
  people: Record<Person, TestUser>;
};

type Row = {
  phase?: Phase;
  /** Anything the world needs beyond the common set-up. */
  setup?: (w: World) => Promise<void>;
  args: (w: World, actor: Person | "anonymous") => ActionArgs;
  /** The outcome for each caller. */
  expect: Record<Role, Outcome>;
  /** Whether the action's write happened (checked after every call). */
  effect?: (w: World, actor: Role) => Promise<boolean>;
  /** Who writes, when not everyone whose outcome is `ok`. */
  writes?: readonly Role[];
  /** Fields the bad-input sweep gives edges to (the rest stay as `args` makes them). */
  sweep?: string[];
  /** Who calls in the sweep. */
  sweepAs?: Exclude<Role, "anonymous">;
};

/** Members get `member`, everyone else is refused the way a guard refuses. */
const byRole = (
  member: Outcome,
  others: Partial<Record<Role, Outcome>> = {},
): Record<Role, Outcome> => ({
  anonymous: "signIn",
  nonMember: "notFound",
  removedMember: "notFound",
  member,
  reader: member,
  otherReader: member,
  facilitator: member,
  admin: member,
  owner: member,
  ...others,
});
const drivers = { facilitator: "ok", admin: "ok", owner: "ok" } as const;
const adminsOnly = { admin: "ok", owner: "ok" } as const;

const meetingForm = (w: World, fields: Record<string, string> = {}): ActionArgs => ({
  kind: "form",
  fields: { groupSlug: w.slug, number: String(w.number), ...fields },
});
const groupForm = (w: World, fields: Record<string, string> = {}): ActionArgs => ({
  kind: "form",
  fields: { groupSlug: w.slug, ...fields },
});

const meeting = (w: World) => testDb().meeting.findUnique({ where: { id: w.meetingId } });
const readingOf = (w: World, who: Person) =>
  testDb().reading.findFirst({ where: { meetingId: w.meetingId, userId: w.people[who].id } });
const actorId = (w: World, actor: Role) => (actor === "anonymous" ? "" : w.people[actor].id);

type PublicRow = { public: string; kind: ActionArgs["kind"] };

const rows: Record<string, Row | PublicRow> = {
  // Signing in, up and out act on the caller's own session: auth.spec covers them; here they are
  // only called signed out, so none answers a stranger with a server error.
  signInAction: { public: "signs the caller in", kind: "form" },
  signUpAction: { public: "makes an account", kind: "form" },
  signOutAction: { public: "ends the caller's session", kind: "value" },
  oauthSignInAction: { public: "hands over to a provider", kind: "plainForm" },
  requestPasswordResetAction: { public: "mails a reset link to an address", kind: "form" },
  resetPasswordAction: { public: "sets a password with a reset link", kind: "form" },

  connectOAuthAction: {
    // No provider is enabled here: a signed-in caller lands back on the profile unchanged.
    args: () => ({ kind: "plainForm", fields: { provider: "github" } }),
    expect: byRole("ok", { nonMember: "ok", removedMember: "ok" }),
    effect: async (w, actor) =>
      actor !== "anonymous" &&
      (await testDb().account.count({ where: { userId: w.people[actor].id } })) > 0,
    writes: [],
  },
  setLocaleAction: {
    args: () => ({ kind: "value", value: "ja" }),
    expect: Object.fromEntries(roles.map((r) => [r, "ok"])) as Record<Role, Outcome>,
  },
  updateProfileAction: {
    args: (_w, actor) => ({ kind: "form", fields: { name: `Renamed ${actor}`, locale: "en" } }),
    expect: byRole("ok", { nonMember: "ok", removedMember: "ok" }),
    effect: async (w, actor) =>
      actor !== "anonymous" &&
      (await testDb().user.findUniqueOrThrow({ where: { id: w.people[actor].id } })).name ===
        `Renamed ${actor}`,
    sweep: ["name", "locale"],
    sweepAs: "member",
  },
  changePasswordAction: {
    // A wrong current password: every signed-in caller reaches the check, nobody's password moves.
    args: () => ({
      kind: "form",
      fields: {
        currentPassword: "not-the-password",
        newPassword: "another-horse-77",
        confirmPassword: "another-horse-77",
      },
    }),
    expect: byRole("invalid", { nonMember: "invalid", removedMember: "invalid" }),
    sweep: ["currentPassword", "newPassword", "confirmPassword"],
    sweepAs: "member",
  },

  createGroupAction: {
    args: (_w, actor) => ({ kind: "form", fields: { name: `Made by ${actor}`, slug: "" } }),
    expect: byRole("ok", { nonMember: "ok", removedMember: "ok" }),
    effect: async (_w, actor) =>
      (await testDb().group.count({ where: { name: `Made by ${actor}` } })) > 0,
    sweep: ["name", "slug"],
    sweepAs: "member",
  },
  updateGroupSettingsAction: {
    args: (w) =>
      groupForm(w, {
        name: "Renamed group",
        readingMinutes: "45",
        recapSoftSeconds: "60",
        recapHardSeconds: "120",
        zennPublication: "",
      }),
    expect: byRole("forbidden", adminsOnly),
    effect: async (w) =>
      (await testDb().group.findUniqueOrThrow({ where: { id: w.groupId } })).name ===
      "Renamed group",
    sweep: ["name", "readingMinutes", "recapSoftSeconds", "recapHardSeconds", "zennPublication"],
    sweepAs: "owner",
  },
  calendarFeedAction: {
    // Every member gets their own feed link; the first request writes their token.
    args: (w) => groupForm(w),
    expect: byRole("ok"),
    effect: async (w, actor) =>
      (
        await testDb().membership.findFirst({
          where: { groupId: w.groupId, userId: actorId(w, actor) },
          select: { calendarToken: true },
        })
      )?.calendarToken != null,
    sweep: ["renew"],
    sweepAs: "member",
  },
  createInviteAction: {
    args: (w) => groupForm(w, { days: "7" }),
    expect: byRole("forbidden", adminsOnly),
    effect: async (w) => (await testDb().invite.count({ where: { groupId: w.groupId } })) > 1,
    sweep: ["days"],
    sweepAs: "admin",
  },
  revokeInviteAction: {
    args: (w) => groupForm(w, { inviteId: w.inviteId }),
    expect: byRole("forbidden", adminsOnly),
    effect: async (w) =>
      (await testDb().invite.findUniqueOrThrow({ where: { id: w.inviteId } })).revokedAt !== null,
    sweep: ["inviteId"],
    sweepAs: "admin",
  },
  joinGroupAction: {
    // Anyone signed in who holds the link; those already in are taken to the group.
    args: (w) => ({ kind: "form", fields: { token: w.token } }),
    expect: byRole("ok", { nonMember: "ok", removedMember: "ok" }),
    effect: async (w, actor) =>
      actor !== "anonymous" &&
      (await testDb().membership.count({
        where: { groupId: w.groupId, userId: actorId(w, actor) },
      })) === 1,
    // Members were in already (their row is there before and after).
    sweep: ["token", "meeting"],
    sweepAs: "nonMember",
  },
  changeRoleAction: {
    args: (w) => groupForm(w, { membershipId: w.membership.target!, role: "ADMIN" }),
    expect: byRole("forbidden", { owner: "ok" }),
    effect: async (w) =>
      (await testDb().membership.findUniqueOrThrow({ where: { id: w.membership.target! } }))
        .role === "ADMIN",
    sweep: ["membershipId", "role"],
    sweepAs: "owner",
  },
  removeMemberAction: {
    args: (w) => groupForm(w, { membershipId: w.membership.target! }),
    expect: byRole("forbidden", { owner: "ok" }),
    effect: async (w) =>
      (await testDb().membership.count({ where: { id: w.membership.target! } })) === 0,
    sweep: ["membershipId", "block"],
    sweepAs: "owner",
  },
  ownerResetLinkAction: {
    // Owners only, for a member whose every group they own (the target's are all this owner's).
    args: (w) => groupForm(w, { membershipId: w.membership.target! }),
    expect: byRole("forbidden", { owner: "ok" }),
    effect: async (w) =>
      (await testDb().passwordReset.count({
        where: { userId: w.people.target.id, createdAt: { gte: w.startedAt } },
      })) > 0,
    sweep: ["membershipId"],
    sweepAs: "owner",
  },
  leaveGroupAction: {
    // The only owner cannot leave (the group would have nobody to run it).
    args: (w) => groupForm(w),
    expect: byRole("ok", { owner: "refused" }),
    effect: async (w, actor) =>
      actor !== "anonymous" &&
      w.membership[actor] !== undefined &&
      (await testDb().membership.count({ where: { id: w.membership[actor] } })) === 0,
  },

  createMeetingAction: {
    args: (w) => groupForm(w, { scheduledAt: "2031-04-01T19:00", tzOffset: "-540", title: "" }),
    expect: byRole("ok"),
    effect: async (w) => (await testDb().meeting.count({ where: { groupId: w.groupId } })) > 1,
    sweep: ["scheduledAt", "tzOffset", "title"],
    sweepAs: "member",
  },
  joinMeetingAction: {
    phase: "READING",
    args: (w) => meetingForm(w, { title: "A paper to read", authors: "", year: "", url: "" }),
    // Those already reading are told so.
    expect: byRole("ok", { reader: "refused", otherReader: "refused" }),
    effect: async (w) =>
      (await testDb().reading.count({
        where: { meetingId: w.meetingId, paper: { title: "A paper to read" } },
      })) === 1,
    sweep: ["title", "authors", "year", "url", "arxivId", "doi"],
    sweepAs: "member",
  },
  changePaperAction: {
    phase: "READING",
    args: (w) => meetingForm(w, { title: "Another paper" }),
    // Only a reader who has not started; the other reader has.
    expect: byRole("refused", { reader: "ok" }),
    effect: async (w) => {
      const r = await readingOf(w, "reader");
      const paper = await testDb().paper.findUnique({ where: { id: r!.paperId } });
      return (
        paper?.title === "Another paper" || r!.paperOverrides?.includes("Another paper") === true
      );
    },
    sweep: ["title", "authors", "year", "url"],
    sweepAs: "reader",
  },
  leaveMeetingAction: {
    phase: "READING",
    args: (w) => meetingForm(w),
    expect: byRole("refused", { reader: "ok" }),
    effect: async (w) => (await readingOf(w, "reader")) === null,
  },
  readingCommandAction: {
    phase: "READING",
    args: (w) => meetingForm(w, { command: "start" }),
    expect: byRole("refused", { reader: "ok" }),
    effect: async (w) => (await readingOf(w, "reader"))!.startedAt !== null,
    sweep: ["command", "minutes"],
    sweepAs: "otherReader",
  },
  meetingPhaseAction: {
    phase: "READING",
    args: (w) => meetingForm(w, { command: "startEveryone" }),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await readingOf(w, "reader"))!.startedAt !== null,
    sweep: ["command", "confirm"],
    sweepAs: "facilitator",
  },
  updateMeetingAction: {
    phase: "PLANNED",
    args: (w) =>
      meetingForm(w, { scheduledAt: "2031-05-01T19:00", tzOffset: "-540", title: "Moved" }),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await meeting(w))!.title === "Moved",
    sweep: ["scheduledAt", "tzOffset", "title"],
    sweepAs: "facilitator",
  },
  cancelMeetingAction: {
    // Nobody has joined this scheduled meeting yet.
    phase: "PLANNED",
    setup: async (w) => {
      await testDb().reading.deleteMany({ where: { meetingId: w.meetingId } });
    },
    args: (w) => meetingForm(w),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await meeting(w)) === null,
  },
  deleteMeetingAction: {
    phase: "PLANNED",
    args: (w) => meetingForm(w),
    expect: byRole("forbidden", adminsOnly),
    effect: async (w) => (await meeting(w)) === null,
  },
  setFacilitatorAction: {
    phase: "READING",
    // Admins and owners choose who facilitates (a facilitator does not hand the meeting on).
    args: (w) => meetingForm(w, { facilitatorId: w.people.target.id }),
    expect: byRole("forbidden", adminsOnly),
    effect: async (w) => (await meeting(w))!.facilitatorId === w.people.target.id,
    sweep: ["facilitatorId"],
    sweepAs: "admin",
  },
  meetingLinkAction: {
    // The world's invite lasts a day: the link reuses it, so nothing is written.
    phase: "READING",
    args: (w) => meetingForm(w),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await testDb().invite.count({ where: { groupId: w.groupId } })) > 1,
    writes: [],
  },
  closeFromRecapAction: {
    // A plain form: everyone lands back on a page; only drivers close the meeting.
    phase: "RECAP",
    args: (w) => ({ kind: "plainForm", fields: { groupSlug: w.slug, number: String(w.number) } }),
    expect: byRole("ok", { nonMember: "ok", removedMember: "ok" }),
    effect: async (w) => (await meeting(w))!.phase === "CLOSED",
    writes: ["facilitator", "admin", "owner"],
  },

  publishMinutesAction: {
    phase: "CLOSED",
    args: (w) => meetingForm(w),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await meeting(w))!.minutesToken !== null,
  },
  unpublishMinutesAction: {
    phase: "CLOSED",
    setup: async (w) => {
      await testDb().meeting.update({
        where: { id: w.meetingId },
        data: { minutesToken: `pub${w.meetingId}`.padEnd(32, "x").slice(0, 32) },
      });
    },
    args: (w) => meetingForm(w),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await meeting(w))!.minutesToken === null,
  },
  minutesOptionsAction: {
    phase: "CLOSED",
    args: (w) => meetingForm(w, { atTimeUp: "on" }),
    expect: byRole("forbidden", drivers),
    effect: async (w) => (await meeting(w))!.minutesAtTimeUp,
    sweep: ["initials", "atTimeUp"],
    sweepAs: "facilitator",
  },

  addToQueueAction: {
    args: (w) =>
      groupForm(w, {
        text: `@article{k${w.number}, title={Queued by hand ${w.slug}}, author={Doe, Jane}, year={2021}}`,
      }),
    expect: byRole("ok"),
    effect: async (w) => (await testDb().queueItem.count({ where: { groupId: w.groupId } })) > 1,
    sweep: ["text"],
    sweepAs: "member",
  },
  voteAction: {
    args: (w) => groupForm(w, { itemId: w.itemId }),
    expect: byRole("ok"),
    effect: async (w) => (await testDb().queueVote.count({ where: { itemId: w.itemId } })) === 1,
    sweep: ["itemId"],
    sweepAs: "member",
  },
  claimAction: {
    args: (w) => groupForm(w, { itemId: w.itemId }),
    expect: byRole("ok"),
    effect: async (w, actor) =>
      (await testDb().queueItem.findUniqueOrThrow({ where: { id: w.itemId } })).claimedById ===
      actorId(w, actor),
    sweep: ["itemId"],
    sweepAs: "member",
  },
  removeAction: {
    // The one who added it (the other reader), admins and owners.
    args: (w) => groupForm(w, { itemId: w.itemId }),
    expect: byRole("forbidden", { otherReader: "ok", ...adminsOnly }),
    effect: async (w) => (await testDb().queueItem.count({ where: { id: w.itemId } })) === 0,
  },
};

async function makeWorld(
  people: Record<Person, TestUser>,
  phase: Phase,
  row: string,
): Promise<World> {
  const db = testDb();
  const startedAt = new Date(Date.now() - 1000);
  const slug = `m-${uniqueId()}`;
  const group = await db.group.create({
    data: { name: `Matrix ${row}`, slug },
    select: { id: true },
  });
  const membership = {} as Record<Person, string | undefined>;
  const roleOf: Partial<Record<Person, "OWNER" | "ADMIN" | "MEMBER">> = {
    owner: "OWNER",
    admin: "ADMIN",
    member: "MEMBER",
    reader: "MEMBER",
    otherReader: "MEMBER",
    facilitator: "MEMBER",
    target: "MEMBER",
  };
  for (const [who, role] of Object.entries(roleOf) as [Person, "OWNER"][]) {
    membership[who] = (
      await db.membership.create({
        data: { groupId: group.id, userId: people[who].id, role },
        select: { id: true },
      })
    ).id;
  }
  const m = await db.meeting.create({
    data: {
      groupId: group.id,
      number: 1,
      title: "Matrix meeting",
      scheduledAt: new Date(),
      facilitatorId: people.facilitator.id,
      phase,
    },
    select: { id: true },
  });
  const read = async (who: Person, started: boolean) => {
    const paper = await db.paper.create({ data: { title: `Paper ${uniqueId()}` } });
    return db.reading.create({
      data: {
        meetingId: m.id,
        userId: people[who].id,
        paperId: paper.id,
        durationMs: 50 * 60_000,
        startedAt: started ? new Date(Date.now() - 10 * 60_000) : null,
      },
      select: { id: true },
    });
  };
  await read("reader", false);
  await read("otherReader", true);
  // Read here once, then removed from the group.
  await read("removedMember", true);
  const invite = await db.invite.create({
    data: {
      groupId: group.id,
      createdById: people.owner.id,
      token: `inv${uniqueId()}${uniqueId()}${uniqueId()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const queued = await db.paper.create({ data: { title: `Queued ${uniqueId()}` } });
  const item = await db.queueItem.create({
    data: { groupId: group.id, paperId: queued.id, addedById: people.otherReader.id },
  });
  return {
    startedAt,
    slug,
    groupId: group.id,
    meetingId: m.id,
    number: 1,
    token: invite.token,
    inviteId: invite.id,
    itemId: item.id,
    membership,
    people,
  };
}

test.describe.configure({ mode: "serial" });

let people: Record<Person, TestUser>;
const contexts = new Map<Role, BrowserContext>();

test.beforeAll(async ({ browser }) => {
  people = {} as Record<Person, TestUser>;
  for (const r of [...roles.filter((r) => r !== "anonymous"), "target"] as Person[])
    people[r] = await makeUser({ name: `Matrix ${r}` });
  for (const r of roles)
    contexts.set(
      r,
      r === "anonymous"
        ? await browser.newContext()
        : (await signedInPage(browser, people[r])).context,
    );
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.close();
});

test("every server action in the build has its row in the matrix", () => {
  const names = [...new Set(buildActions().map((a) => a.name))].sort();
  expect(names.length).toBeGreaterThan(25);
  expect(names).toEqual(Object.keys(rows).sort());
});

test("every server action answers every kind of caller as the matrix says", async ({ baseURL }) => {
  test.setTimeout(600_000);
  const actions = new Map(buildActions().map((a) => [a.name, a]));
  const failures: string[] = [];
  for (const [name, row] of Object.entries(rows)) {
    const action = actions.get(name)!;
    if ("public" in row) {
      // Signed out, with nothing filled in: a message or a redirect, never a server error.
      const args: ActionArgs =
        row.kind === "value" ? { kind: "value", value: null } : { kind: row.kind, fields: {} };
      const answer = await callAction(
        contexts.get("anonymous")!,
        baseURL!,
        action,
        "/en/sign-in",
        args,
      );
      if (answer.outcome === "error") failures.push(`${name} as anonymous: ${answer.detail}`);
      continue;
    }
    for (const role of roles) {
      const world = await makeWorld(people, row.phase ?? "READING", name);
      await row.setup?.(world);
      const answer = await callAction(
        contexts.get(role)!,
        baseURL!,
        action,
        pageOf(action.worker, { slug: world.slug, number: world.number }),
        row.args(world, role),
      );
      const wanted = row.expect[role];
      if (answer.outcome !== wanted)
        failures.push(
          `${name} as ${role}: ${answer.outcome} (${answer.detail}), expected ${wanted}`,
        );
      else if (row.effect) {
        const happened = await row.effect(world, role);
        const shouldHappen = row.writes ? row.writes.includes(role) : wanted === "ok";
        if (happened !== shouldHappen)
          failures.push(`${name} as ${role}: write ${happened ? "happened" : "did not happen"}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

/** The edges of a text or number field's schema, as a form would send them. */
const edges: Record<string, string> = {
  empty: "",
  spaces: "   ",
  "10,001 characters": "x".repeat(10_001),
  NUL: "a\u0000b",
  "only NUL": "\u0000",
  "control characters": "a\u0007\u001b[31mb",
  "huge number": "1e309",
  "negative number": "-99999999999",
  fraction: "1.5",
  "not a number": "NaN",
  "an id from elsewhere": "c".repeat(25),
  "1 MB": "y".repeat(1024 * 1024),
};

test("every server action answers bad input with a message and stores nothing it should not", async ({
  baseURL,
}) => {
  test.setTimeout(600_000);
  const actions = new Map(buildActions().map((a) => [a.name, a]));
  const failures: string[] = [];
  // Arguments of the wrong shape (not a form, several, none) to every action.
  for (const [name, row] of Object.entries(rows)) {
    const action = actions.get(name)!;
    const caller = "public" in row ? "anonymous" : (row.sweepAs ?? "owner");
    const world = await makeWorld(people, "READING", name);
    const page = pageOf(action.worker, { slug: world.slug, number: world.number });
    const before = await worldDump(world);
    for (const value of [{}, "text", [1, 2], { groupSlug: world.slug, number: "1" }]) {
      const answer = await callAction(contexts.get(caller)!, baseURL!, action, page, {
        kind: "value",
        value,
      });
      if (answer.outcome === "error")
        failures.push(`${name} / ${JSON.stringify(value)}: ${answer.detail}`);
    }
    // setLocaleAction's only write is the caller's own language.
    if (name !== "setLocaleAction" && (await worldDump(world)) !== before)
      failures.push(`${name} / wrong shapes: rows changed`);
  }
  for (const [name, row] of Object.entries(rows)) {
    if ("public" in row || !row.sweep) continue;
    const action = actions.get(name)!;
    const actor = row.sweepAs as Exclude<Role, "anonymous">;
    const world = await makeWorld(people, row.phase ?? "READING", name);
    await row.setup?.(world);
    const page = pageOf(action.worker, { slug: world.slug, number: world.number });
    const base = row.args(world, actor);
    if (base.kind === "value") continue;
    const dump = () => worldDump(world);
    let before = await dump();
    const cases: [string, Record<string, string>][] = [
      ["an extra key", { ...base.fields, role: "OWNER", userId: people.owner.id }],
      ["10 MB in one field", { ...base.fields, [row.sweep[0]!]: "z".repeat(10 * 1024 * 1024) }],
    ];
    for (const field of row.sweep)
      for (const [edge, value] of Object.entries(edges))
        cases.push([`${field} = ${edge}`, { ...base.fields, [field]: value }]);
    for (const [label, fields] of cases) {
      const answer = await callAction(contexts.get(actor)!, baseURL!, action, page, {
        kind: base.kind,
        fields,
      });
      const after = await dump();
      if (answer.outcome === "error") failures.push(`${name} / ${label}: ${answer.detail}`);
      else if (answer.outcome !== "ok" && after !== before)
        failures.push(`${name} / ${label}: refused (${answer.detail}) but rows changed`);
      else if (/\\u0000|\\u0007|x{10001}|y{2000}|z{2000}/.test(after))
        failures.push(`${name} / ${label}: stored a NUL, a control character or an overlong text`);
      before = after;
    }
  }
  expect(failures).toEqual([]);
});

/** Everything an action on this world could write, as text. */
async function worldDump(w: World): Promise<string> {
  const db = testDb();
  const ids = Object.values(w.people).map((p) => p.id);
  return JSON.stringify(
    await Promise.all([
      db.group.findUnique({ where: { id: w.groupId } }),
      db.group.count({ where: { memberships: { some: { userId: { in: ids } } } } }),
      db.membership.findMany({ where: { groupId: w.groupId }, orderBy: { id: "asc" } }),
      db.meeting.findMany({ where: { groupId: w.groupId }, orderBy: { id: "asc" } }),
      db.reading.findMany({
        where: { meeting: { groupId: w.groupId } },
        orderBy: { id: "asc" },
        include: { paper: true },
      }),
      db.invite.findMany({ where: { groupId: w.groupId }, orderBy: { id: "asc" } }),
      db.queueItem.findMany({
        where: { groupId: w.groupId },
        orderBy: { id: "asc" },
        include: { votes: true, paper: true },
      }),
      db.user.findMany({
        where: { id: { in: ids } },
        orderBy: { id: "asc" },
        select: { id: true, name: true, locale: true, passwordHash: true, sessionVersion: true },
      }),
    ]),
  );
}
