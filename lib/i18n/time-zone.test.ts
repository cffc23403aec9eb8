import { expect, it } from "vitest";
import { validTimeZone } from "./time-zone";

it("accepts real IANA zones only", () => {
  expect(validTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
  expect(validTimeZone("UTC")).toBe("UTC");
  expect(validTimeZone("Mars/Olympus")).toBeNull();
  expect(validTimeZone("Asia/Tokyo; drop table")).toBeNull();
  expect(validTimeZone(undefined)).toBeNull();
});
