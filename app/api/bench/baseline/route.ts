// The baseline `npm run bench` compares the autosave endpoint with: a bare route handler that
// writes one row to the same database. It exists only while the server runs with a per-run
// BENCH_TOKEN, and answers only requests carrying it; everywhere else it is a 404.
import { z } from "zod";
import { benchAuthorised } from "@/lib/bench/token";
import { writeBaselineRow } from "@/lib/bench/mutations";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ readingId: z.string().min(1).max(64), text: z.string().max(300) });

export async function PUT(request: Request) {
  if (!benchAuthorised(request.headers.get("x-bench-token")))
    return new Response(null, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "invalid" }, { status: 400 });
  await writeBaselineRow(body.data.readingId, body.data.text);
  return Response.json({ ok: true });
}
