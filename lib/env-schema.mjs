// The environment's rules: each variable's schema, its allowed range or form and an example.
// Plain JavaScript, so that the start scripts check the environment by exactly the rules the app
// runs on before Next.js opens a port (scripts/prepare.mjs), and the app reuses them (lib/env.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_SQLITE_URL } from "../scripts/database-url.mjs";

export const MIN_SECRET_LENGTH = 32;

/** @param {unknown} value */
const blankToUnset = (value) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** @param {number} min @param {number} max @param {number} fallback */
const wholeNumber = (min, max, fallback) =>
  z.preprocess(blankToUnset, z.coerce.number().int().min(min).max(max).default(fallback));

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** @param {string} fallback */
const serviceUrl = (fallback) =>
  z
    .string()
    .trim()
    .default("")
    .transform((v) => v || fallback)
    .pipe(z.url({ protocol: /^https?$/ }));

const flag = z.preprocess(blankToUnset, z.enum(["0", "1"]).default("0"));

/** Every variable the app reads: its schema, what it accepts, and a value that works. */
export const VARIABLES = {
  NODE_ENV: {
    schema: z.preprocess(
      blankToUnset,
      z.enum(["development", "production", "test"]).default("development"),
    ),
    allowed: "development, production or test",
    example: "production",
  },
  PORT: {
    schema: z.preprocess(blankToUnset, z.coerce.number().int().min(1).max(65_535).optional()),
    allowed: "a port number from 1 to 65535",
    example: "3000",
  },
  DATABASE_URL: {
    schema: z
      .string()
      .trim()
      .default("")
      .transform((v) => (v === "" ? DEFAULT_SQLITE_URL : v))
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\/\S+$/.test(v)),
    allowed: "file:<path> (SQLite) or postgresql://user:password@host:port/database",
    example: "postgresql://yomikai:secret@127.0.0.1:5432/yomikai",
  },
  AUTH_SECRET: {
    schema: optionalText,
    allowed: `a random string of at least ${MIN_SECRET_LENGTH} characters`,
    example: '"$(openssl rand -base64 33)"',
  },
  AUTH_URL: {
    schema: z.preprocess(blankToUnset, z.url({ protocol: /^https?$/ }).optional()),
    allowed: "the app's public http(s) URL",
    example: "https://yomikai.example.org",
  },
  AUTH_GITHUB_ID: {
    schema: optionalText,
    allowed: "a GitHub OAuth app's client ID (with AUTH_GITHUB_SECRET)",
    example: "Iv1.0123456789abcdef",
  },
  AUTH_GITHUB_SECRET: {
    schema: optionalText,
    allowed: "that app's client secret",
    example: "0123456789abcdef0123456789abcdef01234567",
  },
  AUTH_GOOGLE_ID: {
    schema: optionalText,
    allowed: "a Google OAuth client ID (with AUTH_GOOGLE_SECRET)",
    example: "1234-abc.apps.googleusercontent.com",
  },
  AUTH_GOOGLE_SECRET: {
    schema: optionalText,
    allowed: "that client's secret",
    example: "GOCSPX-0123456789abcdef",
  },
  // How many failed sign-ins per account and per IP within the window before refusing.
  SIGN_IN_MAX_FAILURES: {
    schema: wholeNumber(1, 1000, 10),
    allowed: "a whole number from 1 to 1000",
    example: "10",
  },
  SIGN_IN_WINDOW_MINUTES: {
    schema: wholeNumber(1, 1440, 15),
    allowed: "a whole number of minutes from 1 to 1440",
    example: "15",
  },
  // How many proxies in front of the app append to X-Forwarded-For (0: none).
  TRUSTED_PROXY_HOPS: {
    schema: wholeNumber(0, 10, 0),
    allowed: "a whole number from 0 to 10",
    example: "1",
  },
  // Paper look-up services (tests point them at a local stand-in).
  ARXIV_API_URL: {
    schema: serviceUrl("https://export.arxiv.org/api/query"),
    allowed: "an http(s) URL",
    example: "https://export.arxiv.org/api/query",
  },
  DOI_RESOLVER_URL: {
    schema: serviceUrl("https://doi.org"),
    allowed: "an http(s) URL",
    example: "https://doi.org",
  },
  CROSSREF_API_URL: {
    schema: serviceUrl("https://api.crossref.org"),
    allowed: "an http(s) URL",
    example: "https://api.crossref.org",
  },
  // The contact the look-up services are given in the User-Agent, as arXiv and Crossref ask.
  LOOKUP_CONTACT: {
    schema: z
      .string()
      .trim()
      .max(200)
      .regex(/^[\x20-\x7e]*$/)
      .default(""),
    allowed: "plain ASCII, up to 200 characters (an email or URL)",
    example: "yomikai-admin@example.org",
  },
  // arXiv asks for one request every 3 seconds; only tests lower it.
  ARXIV_MIN_INTERVAL_MS: {
    schema: wholeNumber(100, 60_000, 3_000),
    allowed: "a whole number of milliseconds from 100 to 60000",
    example: "3000",
  },
  // Where arXiv papers' PDFs are fetched from for the reading room (tests point it at a stand-in).
  ARXIV_PDF_URL: {
    schema: serviceUrl("https://arxiv.org/pdf"),
    allowed: "an http(s) URL; <base>/<id>v<version> is a paper's PDF",
    example: "https://arxiv.org/pdf",
  },
  // The instance's cache of fetched PDFs (a cache, not state: safe to delete).
  PDF_CACHE_DIR: {
    schema: z
      .string()
      .trim()
      .max(500)
      .regex(/^[^\0\r\n]*$/)
      .default(""),
    allowed: "a directory path (default .data/pdf-cache)",
    example: "/var/cache/yomikai/pdf",
  },
  // Fetching addresses that people type (a paper's PDF link) refuses private, loopback and
  // link-local addresses; tests list the origins of their local stand-in here.
  FETCH_ALLOW_PRIVATE_ORIGINS: {
    schema: z
      .string()
      .trim()
      .default("")
      .refine((v) =>
        v
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean)
          .every((o) => /^https?:\/\/[^/\s?#]+$/.test(o)),
      ),
    allowed: "unset, or comma-separated origins such as http://127.0.0.1:3157 (tests only)",
    example: "http://127.0.0.1:3157",
  },
  // How often a live-event stream sends a heartbeat (and re-checks its user's membership).
  LIVE_HEARTBEAT_MS: {
    schema: wholeNumber(1_000, 60_000, 15_000),
    allowed: "a whole number of milliseconds from 1000 to 60000",
    example: "15000",
  },
  // Autosaves per user and instance: a burst, then a sustained rate per second.
  AUTOSAVE_BURST: {
    schema: wholeNumber(1, 1_000_000, 120),
    allowed: "a whole number from 1 to 1000000",
    example: "120",
  },
  AUTOSAVE_PER_SECOND: {
    schema: z.preprocess(blankToUnset, z.coerce.number().min(0.1).max(1_000_000).default(4)),
    allowed: "a number from 0.1 to 1000000",
    example: "4",
  },
  // Outgoing mail (password reset links) and its From address.
  SMTP_URL: {
    schema: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^smtps?:\/\/\S+$/.test(v)),
    allowed: "smtp://user:password@host:port or smtps://…",
    example: "smtp://mailer:secret@smtp.example.org:587",
  },
  MAIL_FROM: {
    schema: z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\r\n]*$/)
      .default(""),
    allowed: "one line, up to 200 characters; required with SMTP_URL",
    example: '"Yomikai <yomikai@example.org>"',
  },
  // Tests only: lets a request shift the server's clock by a cookie (see lib/clock.ts).
  E2E_TEST_CLOCK: {
    schema: flag,
    allowed: "0, or 1 in tests (in production only with E2E_TEST_CLOCK_IN_PRODUCTION=1)",
    example: "0",
  },
  E2E_TEST_CLOCK_IN_PRODUCTION: { schema: flag, allowed: "0 or 1 (tests only)", example: "0" },
  // `npm run bench` only: the baseline route exists while this per-run secret is set.
  BENCH_TOKEN: {
    schema: z.preprocess(blankToUnset, z.string().min(32).max(200).optional()),
    allowed: "unset, or 32 to 200 characters (set by npm run bench)",
    example: '"$(openssl rand -hex 24)"',
  },
};

const fieldsSchema = z.object(
  /** @type {{ [K in keyof typeof VARIABLES]: (typeof VARIABLES)[K]["schema"] }} */ (
    Object.fromEntries(Object.entries(VARIABLES).map(([name, v]) => [name, v.schema]))
  ),
);

/**
 * A problem with one variable: its name and a sentence about its value (never the value itself,
 * which may be a secret).
 * @typedef {{ variable: keyof typeof VARIABLES; problem: string }} EnvProblem
 */

/** @param {import("zod").core.$ZodIssue} issue @returns {string} */
function describeIssue(issue) {
  switch (issue.code) {
    case "too_small":
      return `is below the minimum of ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string"
        ? `is longer than ${issue.maximum} characters`
        : `is above the maximum of ${issue.maximum}`;
    case "invalid_type":
      return issue.expected === "int" ? "is not a whole number" : "is not a number";
    case "invalid_value":
      return "is not one of the allowed values";
    case "invalid_format":
      return issue.format === "url" ? "is not an http(s) URL" : "is not in the allowed form";
    default:
      return "is not in the allowed form";
  }
}

/** @param {Record<string, string | undefined>} source @param {string} name */
const textOf = (source, name) => (source[name] ?? "").trim();

/**
 * Rules between variables, checked on the raw text so that they are reported together with any
 * variable that failed on its own.
 * @param {Record<string, string | undefined>} source
 * @returns {EnvProblem[]}
 */
function crossProblems(source) {
  /** @type {EnvProblem[]} */
  const problems = [];
  const production = textOf(source, "NODE_ENV") === "production";
  if (production && !textOf(source, "AUTH_URL"))
    problems.push({
      variable: "AUTH_URL",
      problem:
        "is not set; production needs it (invite and minutes links are built from it, never from a request's Host header)",
    });
  const secret = textOf(source, "AUTH_SECRET");
  if (secret ? secret.length < MIN_SECRET_LENGTH : production)
    problems.push({
      variable: "AUTH_SECRET",
      problem: secret ? "is too short" : "is not set; production needs it",
    });
  if (
    production &&
    textOf(source, "E2E_TEST_CLOCK") === "1" &&
    textOf(source, "E2E_TEST_CLOCK_IN_PRODUCTION") !== "1"
  )
    problems.push({
      variable: "E2E_TEST_CLOCK",
      problem:
        "is 1 in production without E2E_TEST_CLOCK_IN_PRODUCTION=1 (it lets visitors move the server's clock; tests only)",
    });
  if (textOf(source, "SMTP_URL") && !textOf(source, "MAIL_FROM"))
    problems.push({ variable: "MAIL_FROM", problem: "is not set, and SMTP_URL needs it" });
  return problems;
}

/**
 * Every problem with the environment, one per variable, in the table's order.
 * @param {Record<string, string | undefined>} source
 * @returns {EnvProblem[]}
 */
export function environmentProblems(source) {
  return check(source).problems;
}

/** @param {Record<string, string | undefined>} source */
function check(source) {
  const result = fieldsSchema.safeParse(source);
  /** @type {EnvProblem[]} */
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => ({
        variable: /** @type {keyof typeof VARIABLES} */ (String(issue.path[0])),
        problem: describeIssue(issue),
      }));
  const names = Object.keys(VARIABLES);
  const seen = new Set();
  const all = [...problems, ...crossProblems(source)]
    .filter((p) => !seen.has(p.variable) && seen.add(p.variable))
    .sort((a, b) => names.indexOf(a.variable) - names.indexOf(b.variable));
  return { fields: result, problems: all };
}

/**
 * One line for a problem: the variable, what is wrong, what it accepts, a value that works.
 * @param {EnvProblem} p
 */
export function problemLine(p) {
  const { allowed, example } = VARIABLES[p.variable];
  return `${p.variable} ${p.problem}. Allowed: ${allowed}. For example: ${p.variable}=${example}`;
}

/**
 * The settings the app runs on, or the problems that stop it.
 * @param {Record<string, string | undefined>} source
 */
export function readEnvironment(source) {
  const { fields, problems } = check(source);
  if (problems.length > 0 || !fields.success) return /** @type {const} */ ({ ok: false, problems });
  const raw = fields.data;
  const secret =
    raw.AUTH_SECRET ?? (raw.NODE_ENV === "production" ? undefined : readOrCreateDevSecret());
  if (!secret) return /** @type {const} */ ({ ok: false, problems });
  /** @type {"sqlite" | "postgres"} */
  const databaseProvider = raw.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres";
  return /** @type {const} */ ({
    ok: true,
    env: {
      nodeEnv: raw.NODE_ENV,
      databaseUrl: raw.DATABASE_URL,
      databaseProvider,
      authSecret: secret,
      github:
        raw.AUTH_GITHUB_ID && raw.AUTH_GITHUB_SECRET
          ? { clientId: raw.AUTH_GITHUB_ID, clientSecret: raw.AUTH_GITHUB_SECRET }
          : undefined,
      google:
        raw.AUTH_GOOGLE_ID && raw.AUTH_GOOGLE_SECRET
          ? { clientId: raw.AUTH_GOOGLE_ID, clientSecret: raw.AUTH_GOOGLE_SECRET }
          : undefined,
      signInMaxFailures: raw.SIGN_IN_MAX_FAILURES,
      signInWindowMinutes: raw.SIGN_IN_WINDOW_MINUTES,
      trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
      testClock: raw.E2E_TEST_CLOCK === "1",
      benchToken: raw.BENCH_TOKEN,
      /** @type {string | null} */
      publicUrl: raw.AUTH_URL ? new URL(raw.AUTH_URL).origin : null,
      liveHeartbeatMs: raw.LIVE_HEARTBEAT_MS,
      mail: raw.SMTP_URL ? { url: raw.SMTP_URL, from: raw.MAIL_FROM } : null,
      autosaveLimit: { burst: raw.AUTOSAVE_BURST, perSecond: raw.AUTOSAVE_PER_SECOND },
      lookup: {
        arxivApiUrl: raw.ARXIV_API_URL,
        doiResolverUrl: raw.DOI_RESOLVER_URL.replace(/\/+$/, ""),
        crossrefApiUrl: raw.CROSSREF_API_URL.replace(/\/+$/, ""),
        contact: raw.LOOKUP_CONTACT,
        arxivIntervalMs: raw.ARXIV_MIN_INTERVAL_MS,
      },
      pdf: {
        arxivPdfUrl: raw.ARXIV_PDF_URL.replace(/\/+$/, ""),
        cacheDir: raw.PDF_CACHE_DIR || join(process.cwd(), ".data", "pdf-cache"),
        allowPrivateOrigins: raw.FETCH_ALLOW_PRIVATE_ORIGINS.split(",")
          .map((o) => o.trim())
          .filter(Boolean)
          .map((o) => new URL(o).origin),
      },
    },
  });
}

/** Development only: a secret generated once and kept under .data/, so sessions survive restarts. */
function readOrCreateDevSecret() {
  const file = join(process.cwd(), ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(33).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/**
 * What a start that stops on a bad environment prints: a heading, then one line per problem.
 * @param {EnvProblem[]} problems
 */
export function environmentReport(problems) {
  const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
  return `The environment has ${count}; the server was not started:\n${problems.map((p) => `  ${problemLine(p)}`).join("\n")}`;
}
