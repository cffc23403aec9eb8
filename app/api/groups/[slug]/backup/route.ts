// A group's backup: GET downloads it as one JSON file; POST imports one into this group, which
// must be empty (no meetings, no queue). Owners only (403 for other members, 404 for anyone else).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { invalidRequest, readJson, route } from "@/lib/http";
import { getGroupForMember } from "@/lib/groups/data";
import { slugSchema } from "@/lib/groups/schema";
import { exportGroup } from "@/lib/backup/data";
import { importGroup } from "@/lib/backup/mutations";
import { BACKUP_MAX_BYTES, backupSchema } from "@/lib/backup/schema";

export const dynamic = "force-dynamic";

const params = z.object({ slug: slugSchema });

async function ownedGroup(slug: string, userId: string) {
  const group = await getGroupForMember(slug, userId);
  if (!group) throw new AppError("NOT_FOUND");
  if (group.role !== "OWNER") throw new AppError("FORBIDDEN", "Only owners back up a group.");
  return group;
}

export const GET = route({ params }, async ({ userId, params: { slug } }) => {
  const group = await ownedGroup(slug, userId);
  const backup = await exportGroup(group.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(backup, null, 2) + "\n", {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${group.slug}-backup-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});

// The body is read after the rights check: a non-owner learns nothing from a file's faults.
export const POST = route({ params }, async ({ request, userId, params: { slug } }) => {
  const group = await ownedGroup(slug, userId);
  const parsed = backupSchema.safeParse(await readJson(request, BACKUP_MAX_BYTES));
  if (!parsed.success) return invalidRequest(parsed.error);
  return importGroup(userId, group.id, parsed.data);
});
