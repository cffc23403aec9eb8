import { describe, expect, it } from "vitest";
import { LINK_TTL_MS, readLinkIntent, signLinkIntent } from "./link-intent";

const secret = "a-secret-of-the-right-length-for-tests-000";

describe("link intent", () => {
  const now = 1_800_000_000_000;
  const cookie = signLinkIntent(secret, "user-1", "github", now);

  it("names its user for the same provider until it expires", () => {
    expect(readLinkIntent(secret, cookie, "github", now + 1000)).toBe("user-1");
    expect(readLinkIntent(secret, cookie, "github", now + LINK_TTL_MS + 1)).toBeNull();
    expect(readLinkIntent(secret, cookie, "google", now)).toBeNull();
  });

  it("refuses anything not signed with the secret", () => {
    const [payload, signature] = cookie.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ u: "victim", p: "github", e: now + 60_000 }),
    ).toString("base64url");
    expect(readLinkIntent(secret, `${forged}.${signature}`, "github", now)).toBeNull();
    expect(
      readLinkIntent("another-secret-entirely-0000000000000", cookie, "github", now),
    ).toBeNull();
    expect(readLinkIntent(secret, payload, "github", now)).toBeNull();
    expect(readLinkIntent(secret, `${cookie}.x`, "github", now)).toBeNull();
    expect(readLinkIntent(secret, undefined, "github", now)).toBeNull();
    expect(readLinkIntent(secret, "x".repeat(2000), "github", now)).toBeNull();
  });
});
