import { describe, expect, it } from "vitest";
import { softTarget } from "./soft-links";

const here = "https://yomikai.example/ja/groups/lab";
const anchor = (attrs: Record<string, string>) =>
  ({
    getAttribute: (name: string) => attrs[name] ?? null,
    hasAttribute: (name: string) => name in attrs,
  }) as unknown as HTMLAnchorElement;
const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

describe("softTarget", () => {
  it("takes a plain click on a link of this site as an in-app move, with its query and hash", () => {
    expect(softTarget(anchor({ href: "/ja/groups/lab/members/u1" }), here, click)).toBe(
      "/ja/groups/lab/members/u1",
    );
    expect(softTarget(anchor({ href: "meetings/2?tab=recap#top" }), `${here}/`, click)).toBe(
      "/ja/groups/lab/meetings/2?tab=recap#top",
    );
    expect(softTarget(anchor({ href: "/ja/groups", target: "_self" }), here, click)).toBe(
      "/ja/groups",
    );
  });

  it("leaves to the browser what a person means as a browser action", () => {
    for (const modifier of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const)
      expect(softTarget(anchor({ href: "/ja/groups" }), here, { ...click, [modifier]: true })).toBe(
        null,
      );
    expect(softTarget(anchor({ href: "/ja/groups" }), here, { ...click, button: 1 })).toBe(null);
    expect(softTarget(anchor({ href: "/ja/groups", target: "_blank" }), here, click)).toBe(null);
    expect(softTarget(anchor({ href: "/api/export.zip", download: "" }), here, click)).toBe(null);
  });

  it("never moves in the app to another origin, a fragment or a missing link", () => {
    expect(softTarget(anchor({ href: "https://arxiv.org/abs/1706.03762" }), here, click)).toBe(
      null,
    );
    expect(softTarget(anchor({ href: "//evil.example/ja" }), here, click)).toBe(null);
    expect(softTarget(anchor({ href: "#members" }), here, click)).toBe(null);
    expect(softTarget(anchor({}), here, click)).toBe(null);
    expect(softTarget(null, here, click)).toBe(null);
  });

  it("prefetches (no event) only what a click would open in the app", () => {
    expect(softTarget(anchor({ href: "/ja/groups/lab/meetings/1" }), here)).toBe(
      "/ja/groups/lab/meetings/1",
    );
    expect(softTarget(anchor({ href: "https://example.org/" }), here)).toBe(null);
  });
});
