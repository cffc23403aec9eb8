// The JSON Schema of a meeting's JSON export (its `version` field names the schema's version).
import { meetingExportJsonSchema } from "@/lib/minutes/formats";

export const dynamic = "force-static";

export function GET() {
  return Response.json(meetingExportJsonSchema(), {
    headers: { "Content-Type": "application/schema+json" },
  });
}
