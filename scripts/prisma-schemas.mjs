// Writes one Prisma schema per provider from prisma/models.prisma.
// `--check` exits 1 when a written schema is out of date (used by lint/CI).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = {
  sqlite: { provider: "sqlite", output: "../../lib/generated/sqlite" },
  postgres: { provider: "postgresql", output: "../../lib/generated/postgres" },
};

export function renderSchema(name) {
  const { provider, output } = providers[name];
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  const header = `// Generated from prisma/models.prisma by scripts/prisma-schemas.mjs. Do not edit.

generator client {
  provider               = "prisma-client"
  output                 = "${output}"
  moduleFormat           = "esm"
  runtime                = "nodejs"
  previewFeatures        = ["strictUndefinedChecks"]
}

datasource db {
  provider = "${provider}"
}
`;
  return header + "\n" + models.replace(/^\/\/ The one set of models[\s\S]*?\n\n/, "");
}

export function writeSchemas({ check = false } = {}) {
  let stale = [];
  for (const name of Object.keys(providers)) {
    const file = join(root, "prisma", name, "schema.prisma");
    const text = renderSchema(name);
    const current = existsSync(file) ? readFileSync(file, "utf8") : null;
    if (current === text) continue;
    if (check) stale.push(file);
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  const stale = writeSchemas({ check });
  if (stale.length) {
    console.error(`Out of date: ${stale.join(", ")}. Run \`npm run db:schema\`.`);
    process.exit(1);
  }
}
