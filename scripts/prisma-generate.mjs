// Generates both Prisma clients. `prisma generate` never needs Prisma's native schema
// engine, but the CLI tries to download it unless PRISMA_SCHEMA_ENGINE_BINARY names a file.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSchemas, providers } from "./prisma-schemas.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
writeSchemas();

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = join(root, "node_modules/.cache/yomikai/no-schema-engine");
  if (!existsSync(placeholder)) {
    mkdirSync(dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, "");
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const prismaBin = join(root, "node_modules/.bin/prisma");
for (const name of Object.keys(providers)) {
  execFileSync(prismaBin, ["generate", "--schema", `prisma/${name}/schema.prisma`], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
