// Runs before `npm run dev` and `npm start`: makes sure the Prisma clients exist, checks the
// production secret, and applies pending migrations (creating the SQLite file on first start).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv[2] ?? "dev";
const MIN_SECRET_LENGTH = 32;

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

if (mode === "start") {
  const secret = process.env.AUTH_SECRET?.trim() ?? "";
  if (secret.length < MIN_SECRET_LENGTH) {
    fail(
      `AUTH_SECRET ${secret ? "is too short" : "is not set"}. In production, set AUTH_SECRET to a random string of at least ${MIN_SECRET_LENGTH} characters, for example:\n\n    export AUTH_SECRET="$(openssl rand -base64 33)"`,
    );
  }
  if (!process.env.AUTH_URL?.trim()) {
    fail(
      "AUTH_URL is not set. In production, set it to the app's public URL (invite and minutes links are built from it), for example:\n\n    export AUTH_URL=https://yomikai.example.org",
    );
  }
}

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
