// Starting the app under measurement: its ports are free ones, and a server that cannot start
// says why (what it printed, what its health route last answered) instead of "did not start".
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePorts, keepOutput, waitUntilUp } from "../../scripts/bench/app.mjs";

const open: Server[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(open.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function healthServer(status: number): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === "/api/health" ? status : 404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ status: status === 200 ? "ok" : "error", database: "down" }));
  });
  open.push(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    }),
  );
}

/** A child that stays up until the test ends. */
function idleChild() {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

describe("the bench's app start", () => {
  it("hands out distinct ports that nothing listens on", async () => {
    const ports = await freePorts(3);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      const server = createServer();
      open.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", resolve);
      });
    }
  });

  it("returns once the health route answers 200", async () => {
    const base = await healthServer(200);
    const child = idleChild();
    await expect(waitUntilUp(base, child, keepOutput(child), 5_000)).resolves.toBeUndefined();
  });

  it("fails at once with what a server printed when it exits before answering", async () => {
    const [port] = await freePorts(1);
    const child = spawn(
      process.execPath,
      ["-e", "console.error('Error: listen EADDRINUSE'); process.exit(3)"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const printed = keepOutput(child);
    const started = Date.now();
    await expect(waitUntilUp(`http://127.0.0.1:${port}`, child, printed, 60_000)).rejects.toThrow(
      /stopped before it answered \(exit code 3\):\nError: listen EADDRINUSE/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("names the last answer when the server never says it is up", async () => {
    const base = await healthServer(503);
    const child = idleChild();
    await expect(waitUntilUp(base, child, keepOutput(child), 500)).rejects.toThrow(
      /did not answer in 0\.5 s \(last: 503 \{"status":"error","database":"down"\}\)/,
    );
  });
});
