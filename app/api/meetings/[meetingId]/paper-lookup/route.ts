// Looks up what a reader pasted (arXiv id, DOI, arxiv.org or doi.org link) for the join form:
// the paper's metadata and who already read it. Members of the meeting's group only (404 for
// everyone else). Always 200 with a status the form shows: found, notFound, unavailable (the
// service is down or slow: the reader fills the form by hand) or unrecognised.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { getMeetingIdForMember, paperHistory } from "@/lib/meetings/data";
import { IDENTIFIER_MAX, recogniseIdentifier } from "@/lib/papers/identifiers";
import { lookUpPaper } from "@/lib/papers/lookup";
import { showPaper } from "@/lib/papers/display";
import type { LookupAnswer } from "@/lib/papers/lookup-answer";

export const dynamic = "force-dynamic";

const querySchema = z.object({ q: z.string().max(IDENTIFIER_MAX) });

export const GET = route(
  { params: z.object({ meetingId: idSchema }) },
  async ({ request, userId, params: { meetingId } }): Promise<LookupAnswer> => {
    if (!(await getMeetingIdForMember(meetingId, userId))) throw new AppError("NOT_FOUND");
    const query = querySchema.safeParse({
      q: new URL(request.url).searchParams.get("q") ?? "",
    });
    if (!query.success)
      throw new AppError("INVALID_INPUT", `q must be at most ${IDENTIFIER_MAX} characters.`);
    const identifier = recogniseIdentifier(query.data.q);
    if (!identifier) return { status: "unrecognised" };
    const result = await lookUpPaper(identifier);
    if (!result.ok) return { status: result.reason, identifier };
    const p = result.paper;
    const shown = showPaper({ ...p, authors: JSON.stringify(p.authors) });
    return {
      status: "found",
      identifier,
      paper: {
        ...shown,
        arxivVersion: p.arxivVersion,
        primaryCategory: p.primaryCategory,
        journalRef: p.journalRef,
        publishedAt: p.publishedAt?.toISOString() ?? null,
      },
      history: JSON.parse(JSON.stringify(await paperHistory(userId, meetingId, p.id))),
    };
  },
);
