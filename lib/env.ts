// The environment, parsed once by the rules in lib/env-schema.mjs (which the start scripts also
// check before the server listens). Server-only: import `env()` where a setting is needed.
import "server-only";
import {
  MIN_SECRET_LENGTH,
  environmentProblems,
  problemLine,
  readEnvironment,
} from "@/lib/env-schema.mjs";

export { MIN_SECRET_LENGTH };

type Reading = ReturnType<typeof readEnvironment>;
export type Env = Extract<Reading, { ok: true }>["env"];

/** The settings in `source`, or an error with one line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = readEnvironment(source);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${problemLine(p)}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.env;
}

/** The names of the variables that are set wrong (never their values), for the health check. */
export function invalidVariables(source: Record<string, string | undefined> = process.env) {
  return environmentProblems(source).map((p) => p.variable);
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    if (cached.testClock)
      console.warn("E2E_TEST_CLOCK is on: requests may shift this server's clock (tests only).");
  }
  return cached;
}
