// Every server action the build contains, called by a signed-out browser (as a page left open
// after its session expired would): each answers with a message or a redirect to sign in, never
// a server error. The actions come from the build's manifest, so a new one is covered at once.
import { readFileSync } from "node:fs";
import { test, expect, makeRecapMeeting } from "./support/fixtures";

// Actions a form posts to directly (one FormData argument, or none), not through useActionState.
const plainActions = new Set([
  "oauthSignInAction",
  "signOutAction",
  "setLocaleAction",
  "closeFromRecapAction",
]);

const publicActions = new Set([
  "signInAction",
  "signUpAction",
  "signOutAction",
  "oauthSignInAction",
  "setLocaleAction",
]);

test("every server action answers a signed-out caller without a server error", async ({
  browser,
  baseURL,
}) => {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };
  const m = await makeRecapMeeting();
  const context = await browser.newContext();
  const failures: string[] = [];
  for (const [id, action] of Object.entries(manifest.node)) {
    // Post to a page the action belongs to (the build registers actions per page).
    const worker = Object.keys(action.workers)[0]!;
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace("/(app)", "")
      .replace("/(auth)", "")
      .replace("[locale]", "en")
      .replace("[slug]", m.group.slug)
      .replace("[number]", "1")
      .replace("[token]", "x".repeat(24));
    const response = await context.request.post(page, {
      headers: { "Next-Action": id, Origin: baseURL! },
      multipart: {
        "0": JSON.stringify(
          plainActions.has(action.exportedName) ? ["$K1"] : [{ status: "idle" }, "$K1"],
        ),
        _1_groupSlug: m.group.slug,
        _1_number: "1",
      },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const text = await response.text();
    const redirected =
      Boolean(response.headers()["x-action-redirect"]) || response.status() === 303;
    if (response.status() >= 500) failures.push(`${action.exportedName}: ${response.status()}`);
    else if (
      !publicActions.has(action.exportedName) &&
      !redirected &&
      !text.includes('"formError":"errors.UNAUTHENTICATED"')
    )
      failures.push(`${action.exportedName}: ${text.slice(0, 160)}`);
  }
  expect(Object.keys(manifest.node).length).toBeGreaterThan(25);
  expect(failures).toEqual([]);
  await context.close();
});
