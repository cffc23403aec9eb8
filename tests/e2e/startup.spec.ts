// A production server started with a bad setting stops before it serves anything, and says which
// setting and why: `npm start` before a port is opened, `next start` run directly as it starts.
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { test, expect } from "./support/fixtures";
import { E2E_AUTH_SECRET } from "./support/constants";

const port = Number(process.env.E2E_PORT ?? 3107) + 7;

/** A production environment that starts, without anything the test runner itself was given. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:./.data/e2e-startup-${port}.db`,
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    ...extra,
  };
}

function portIsOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Runs a start command to its end, probing the port and the health route all the while. */
async function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let done = false;
  void exited.then(() => (done = true));
  let portOpened = false;
  let answered: number | null = null;
  const probing = (async () => {
    while (!done) {
      if (await portIsOpen()) {
        portOpened = true;
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
          signal: AbortSignal.timeout(1000),
        }).catch(() => null);
        if (res) answered = res.status;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await exited;
  clearTimeout(timer);
  await probing;
  return { code, output, portOpened, answered };
}

test.describe("a bad setting stops the start", () => {
  test.describe.configure({ mode: "serial" });

  test("npm start refuses before any port is opened and names the variable", async () => {
    const result = await run(
      "npm",
      ["start", "--silent"],
      environment({ ARXIV_MIN_INTERVAL_MS: "0" }),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      "ARXIV_MIN_INTERVAL_MS is below the minimum of 100. Allowed: a whole number of milliseconds from 100 to 60000. For example: ARXIV_MIN_INTERVAL_MS=3000",
    );
    expect(result.output).not.toContain("Ready");
    expect(result.portOpened).toBe(false);
    expect(result.answered).toBeNull();
  });

  test("next start run directly stops as it starts, before it answers a request", async () => {
    const result = await run(
      "node_modules/.bin/next",
      ["start", "-p", String(port), "-H", "127.0.0.1"],
      environment({ E2E_TEST_CLOCK: "1" }),
    );
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /E2E_TEST_CLOCK is 1 in production without E2E_TEST_CLOCK_IN_PRODUCTION=1 .*For example: E2E_TEST_CLOCK=0/,
    );
    expect(result.answered).toBeNull();
  });

  test("with good settings the same command does start (the probe above can see a server)", async () => {
    const env = environment({});
    const child = spawn(
      "node_modules/.bin/next",
      ["start", "-p", String(port), "-H", "127.0.0.1"],
      {
        env,
        stdio: "ignore",
      },
    );
    try {
      await expect
        .poll(
          async () =>
            (await fetch(`http://127.0.0.1:${port}/api/time`).catch(() => null))?.status ?? 0,
          { timeout: 30_000 },
        )
        .toBe(200);
    } finally {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    }
  });
});
