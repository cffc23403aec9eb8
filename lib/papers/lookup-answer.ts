// What the paper look-up route answers the join form (shared by both sides).
import type { ShownPaper } from "./display";
import type { PaperIdentifier } from "./identifiers";

export type LookupAnswer =
  | { status: "unrecognised" }
  | { status: "notFound" | "unavailable"; identifier: PaperIdentifier }
  | {
      status: "found";
      identifier: PaperIdentifier;
      paper: ShownPaper & {
        arxivVersion: number | null;
        primaryCategory: string | null;
        journalRef: string | null;
        publishedAt: string | null;
      };
      history: {
        mine: { groupName: string; path: string | null; number: number; at: string }[];
        others: { name: string; path: string; number: number; at: string }[];
      };
    };
