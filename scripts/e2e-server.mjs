// Starts the production build for the end-to-end tests on a fresh database.
import { spawn, execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.DATABASE_URL ?? "";
if (url.startsWith("file:")) {
  const file = join(root, url.replace(/^file:/, ""));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}
// The PDF cache too: each run fetches from its own stand-in.
if (process.env.PDF_CACHE_DIR)
  rmSync(join(root, process.env.PDF_CACHE_DIR), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "scripts/prepare.mjs"), "start"], {
  stdio: "inherit",
  cwd: root,
});
const next = spawn(
  join(root, "node_modules/.bin/next"),
  // Idle keep-alive sockets stay open longer than the test clients keep them, so a request never
  // lands on a socket the server is just closing (a "socket hang up" under load).
  ["start", "-p", process.env.PORT ?? "3107", "-H", "127.0.0.1", "--keepAliveTimeout", "70000"],
  {
    stdio: "inherit",
    cwd: root,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
