// Another app instance beside the one Playwright starts: same build, database and secret, its own
// port. For tests of several instances and of a server restart.
import { spawn, type ChildProcess } from "node:child_process";
import { E2E_AUTH_SECRET } from "./constants";

export class AppInstance {
  readonly url: string;
  private child: ChildProcess | undefined;

  /** `portOffset` above the main test server's port, so parallel specs never share a port. */
  constructor(private readonly portOffset: number) {
    this.url = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3107) + portOffset}`;
  }

  async start(): Promise<void> {
    let output = "";
    const child = spawn(
      "node_modules/.bin/next",
      ["start", "-p", new URL(this.url).port, "-H", "127.0.0.1"],
      {
        env: {
          ...process.env,
          DATABASE_URL: process.env.E2E_DATABASE_URL,
          AUTH_SECRET: E2E_AUTH_SECRET,
          AUTH_URL: this.url,
          NODE_ENV: "production",
          E2E_TEST_CLOCK: "1",
          E2E_TEST_CLOCK_IN_PRODUCTION: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    this.child = child;
    for (const deadline = Date.now() + 60_000; ;) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok && child.exitCode === null) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  /** Kills the instance at once, as a crash would. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((res) => child.once("exit", res));
    child.kill("SIGKILL");
    await exited;
    this.child = undefined;
  }
}
