// Demo data for a first look around: one study group with an owner, an admin and two members.
// Safe to run again: it updates what is there instead of duplicating it.
import { createPrismaClient } from "../lib/db-client";
import { hashPassword } from "../lib/auth/password";
import { resolveDatabaseUrl } from "./database-url.mjs";

export const DEMO_PASSWORD = "yomikai-demo";
export const DEMO_GROUP = { slug: "demo-reading-club", name: "Demo 論文読み会" };
export const DEMO_USERS = [
  { email: "owner@demo.yomikai.test", name: "Wakana Sato", role: "OWNER", locale: "ja" },
  { email: "admin@demo.yomikai.test", name: "Kenji Mori", role: "ADMIN", locale: "ja" },
  { email: "reader@demo.yomikai.test", name: "Alex Chen", role: "MEMBER", locale: "en" },
  { email: "reader2@demo.yomikai.test", name: "Yui Takahashi", role: "MEMBER", locale: "ja" },
] as const;

async function main() {
  // Demo accounts with a published password must never reach a real deployment.
  if (process.env.NODE_ENV === "production" && process.env.SEED_ALLOW_PRODUCTION !== "1") {
    console.error(
      "Refusing to seed demo data with NODE_ENV=production: it creates accounts with a known password. " +
        "Seed a development database instead (unset NODE_ENV), or set SEED_ALLOW_PRODUCTION=1 for a throwaway demo server.",
    );
    process.exit(1);
  }
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  const db = createPrismaClient(url);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const group = await db.group.upsert({
    where: { slug: DEMO_GROUP.slug },
    update: {},
    create: DEMO_GROUP,
    select: { id: true },
  });
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: { passwordHash },
      create: { email: u.email, name: u.name, locale: u.locale, passwordHash },
      select: { id: true },
    });
    await db.membership.upsert({
      where: { groupId_userId: { groupId: group.id, userId: user.id } },
      update: { role: u.role },
      create: { groupId: group.id, userId: user.id, role: u.role },
    });
  }
  await db.$disconnect();
  console.log(`Demo group "${DEMO_GROUP.name}" at /ja/groups/${DEMO_GROUP.slug}. Sign in as:`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.email.padEnd(28)} ${u.role.padEnd(7)} password: ${DEMO_PASSWORD}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
