import { describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ default: () => ({}), CredentialsSignin: class {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));
vi.mock("next-auth/providers/github", () => ({ default: () => ({}) }));
vi.mock("next-auth/providers/google", () => ({ default: () => ({}) }));
const { clientIp } = await import("./config");

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("the client address", () => {
  it("is the address the outermost trusted proxy saw", () => {
    // The client wrote "1.1.1.1"; proxy A appended the client's real address, proxy B A's.
    const chain = "1.1.1.1, 203.0.113.5, 10.0.0.2";
    expect(clientIp(h(chain), 2)).toBe("203.0.113.5");
    expect(clientIp(h(chain), 1)).toBe("10.0.0.2");
    expect(clientIp(h("203.0.113.5"), 1)).toBe("203.0.113.5");
  });

  it("without proxies is the last address, never one the client put first", () => {
    expect(clientIp(h("1.1.1.1, 127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(h(), 0)).toBe("unknown");
    expect(clientIp(h("x".repeat(500)), 0)).toHaveLength(64);
  });
});
