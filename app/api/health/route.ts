import { pingDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    await pingDatabase();
    return Response.json(
      { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
