// Runs before `npm run dev` and `npm start`: makes sure the Prisma clients exist, checks the
// environment, and applies pending migrations (creating the SQLite file on first start).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv[2] ?? "dev";

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

if (
  !existsSync(join(root, "lib/generated/sqlite/client.ts")) ||
  !existsSync(join(root, "lib/generated/postgres/client.ts"))
) {
  execFileSync(process.execPath, [join(root, "scripts/prisma-generate.mjs")], { stdio: "inherit" });
}
if (mode === "generate") process.exit(0);

// The whole environment, by the rules the app runs on: a bad value stops here, before any port
// is opened, with one line per variable (what is wrong, what it accepts, a value that works).
// Next.js reads .env files too, so the check sees what the server will see.
const { loadEnvConfig } = createRequire(import.meta.url)("@next/env");
loadEnvConfig(root, mode === "dev", { info() {}, error: console.error });
const { environmentProblems, environmentReport } = await import("../lib/env-schema.mjs");
const problems = environmentProblems({
  ...process.env,
  NODE_ENV: mode === "start" ? "production" : (process.env.NODE_ENV ?? "development"),
});
if (problems.length > 0) fail(environmentReport(problems));

try {
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", join(root, "scripts/db.mjs"), "deploy"],
    { stdio: "inherit", cwd: root },
  );
} catch {
  const url = process.env.DATABASE_URL ?? "";
  fail(
    url.startsWith("postgres")
      ? "Could not migrate the PostgreSQL database. Check that the server in DATABASE_URL is running, that the database exists (createdb yomikai) and that its user may create tables."
      : "Could not migrate the SQLite database. If another program holds the file's lock for long, wait and try again; check that .data/ (or the folder in DATABASE_URL) is writable.",
  );
}
