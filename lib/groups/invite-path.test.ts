import { describe, expect, it } from "vitest";
import { invitePath, parseInvitePath } from "./invite-path";

const token = "abcdefghijklmnopqrstuvwx";

describe("invite paths", () => {
  it("reads an invite link with or without a language and a meeting", () => {
    expect(parseInvitePath(invitePath(token))).toEqual({ token, meeting: null });
    expect(parseInvitePath(invitePath(token, 12))).toEqual({ token, meeting: 12 });
    expect(parseInvitePath(`/ja/invite/${token}?meeting=3`)).toEqual({ token, meeting: 3 });
  });

  it("is not fooled by other paths", () => {
    for (const path of [
      "/groups",
      `/invite/${token}/x`,
      `/fr/invite/${token}`,
      `/invite/short`,
      `/invite/${token}?meeting=0`,
      `/invite/${token}?meeting=-1`,
      `/invite/${token}?meeting=1&x=2`,
      `//invite/${token}`,
    ])
      expect(parseInvitePath(path)?.meeting ?? null, path).toBeNull();
    expect(parseInvitePath("/groups")).toBeNull();
    expect(parseInvitePath(`/invite/${token}/x`)).toBeNull();
  });
});
