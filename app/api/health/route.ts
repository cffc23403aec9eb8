import { invalidVariables } from "@/lib/env";
import { pingDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET() {
  // A start with a bad environment stops (scripts/prepare.mjs, instrumentation.ts); should one
  // run anyway, it says so by variable name (never by value) instead of blaming the database.
  const invalid = invalidVariables();
  if (invalid.length > 0)
    return Response.json(
      { status: "error", config: "invalid", variables: invalid },
      { status: 503, headers: noStore },
    );
  const started = performance.now();
  try {
    await pingDatabase();
    return Response.json(
      { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) },
      { headers: noStore },
    );
  } catch {
    return Response.json({ status: "error", database: "down" }, { status: 503, headers: noStore });
  }
}
