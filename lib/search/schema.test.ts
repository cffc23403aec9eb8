import { expect, it } from "vitest";
import { readArchiveQuery } from "./schema";

it("reads the archive's address, dropping what it does not understand", () => {
  expect(
    readArchiveQuery({ q: "模倣", reader: "abc123", from: "2026-01-01", queued: "1", page: "3" }),
  ).toEqual({
    q: "模倣",
    reader: "abc123",
    from: "2026-01-01",
    to: null,
    category: null,
    queued: true,
    page: 3,
    dropped: [],
  });
  const bad = readArchiveQuery({
    reader: "../x",
    from: "yesterday",
    category: "cs.CV'; drop",
    page: "-1",
    queued: "yes",
    q: ["first", "second"],
  });
  expect(bad).toMatchObject({ q: "first", reader: null, from: null, page: 1, queued: false });
  expect(bad.dropped.sort()).toEqual(["category", "from", "page", "queued", "reader"]);
});
