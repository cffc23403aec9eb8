// The environment, parsed by zod once. Server-only: import `env()` where a setting is needed.
import "server-only";
import { z } from "zod";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { DEFAULT_SQLITE_URL } from "@/scripts/database-url.mjs";

export const MIN_SECRET_LENGTH = 32;
const DEV_SECRET_FILE = join(process.cwd(), ".data", "auth-secret");

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

function serviceUrl(name: string, fallback: string) {
  return z
    .string()
    .trim()
    .default("")
    .transform((v) => v || fallback)
    .pipe(z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` }));
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .trim()
      .default("")
      .transform((v) => (v === "" ? DEFAULT_SQLITE_URL : v))
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
        message: "DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL)",
      }),
    AUTH_SECRET: optionalText,
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    AUTH_GOOGLE_ID: optionalText,
    AUTH_GOOGLE_SECRET: optionalText,
    // How many failed sign-ins per account and per IP within the window before refusing.
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    // How many proxies in front of the app append to X-Forwarded-For (0: none).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    AUTH_URL: z
      .url({ error: "AUTH_URL must be an absolute URL such as https://yomikai.example.org" })
      .optional(),
    // Paper look-up services (tests point them at a local stand-in) and the contact they are
    // given in the User-Agent, as arXiv and Crossref ask of API clients.
    ARXIV_API_URL: serviceUrl("ARXIV_API_URL", "https://export.arxiv.org/api/query"),
    DOI_RESOLVER_URL: serviceUrl("DOI_RESOLVER_URL", "https://doi.org"),
    CROSSREF_API_URL: serviceUrl("CROSSREF_API_URL", "https://api.crossref.org"),
    // How often a live-event stream sends a heartbeat (and re-checks its user's membership).
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(1_000).max(60_000).default(15_000),
    // Autosaves per user and instance: a burst, then a sustained rate per second.
    AUTOSAVE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(120),
    AUTOSAVE_PER_SECOND: z.coerce.number().min(0.1).max(1_000_000).default(4),
    // arXiv asks for one request every 3 seconds; only tests lower it.
    ARXIV_MIN_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
    LOOKUP_CONTACT: z
      .string()
      .trim()
      .max(200)
      .regex(/^[\x20-\x7e]*$/, { message: "LOOKUP_CONTACT must be plain ASCII (an email or URL)" })
      .default(""),
    // Outgoing mail (password reset links): smtp(s)://user:pass@host:port, and the From address.
    SMTP_URL: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^smtps?:\/\/[^\s]+$/.test(v), {
        message: "SMTP_URL must be smtp://… or smtps://… (user:password@host:port)",
      }),
    MAIL_FROM: z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\r\n]*$/, { message: "MAIL_FROM must be one line" })
      .default(""),
    // Tests only: lets a request shift the server's clock by a cookie (see lib/clock.ts).
    E2E_TEST_CLOCK: z.enum(["0", "1"]).default("0"),
    // A production build runs the test clock only when this says so too (the e2e suite does).
    E2E_TEST_CLOCK_IN_PRODUCTION: z.enum(["0", "1"]).default("0"),
    // `npm run bench` only: the baseline route exists while this per-run secret is set.
    BENCH_TOKEN: z.string().min(32).max(200).optional(),
  })
  .transform((raw, ctx) => {
    let failed = false;
    if (raw.NODE_ENV === "production" && !raw.AUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message:
          "AUTH_URL must be set in production to the app's public URL (https://yomikai.example.org): invite and minutes links are built from it, never from a request's Host header",
      });
      failed = true;
    }
    if (
      raw.E2E_TEST_CLOCK === "1" &&
      raw.NODE_ENV === "production" &&
      raw.E2E_TEST_CLOCK_IN_PRODUCTION !== "1"
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["E2E_TEST_CLOCK"],
        message:
          "E2E_TEST_CLOCK lets visitors move the server's clock; in production it also needs E2E_TEST_CLOCK_IN_PRODUCTION=1 (tests only)",
      });
      failed = true;
    }
    if (raw.SMTP_URL && !raw.MAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message:
          'MAIL_FROM must be set with SMTP_URL (for example: "Yomikai <yomikai@example.org>")',
      });
      failed = true;
    }
    let secret = raw.AUTH_SECRET;
    if (!secret && raw.NODE_ENV !== "production") secret = readOrCreateDevSecret();
    if (!secret || secret.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: `AUTH_SECRET must be set to a random string of at least ${MIN_SECRET_LENGTH} characters in production (for example: openssl rand -base64 33)`,
      });
      failed = true;
    }
    if (failed || !secret) return z.NEVER;
    return {
      nodeEnv: raw.NODE_ENV,
      databaseUrl: raw.DATABASE_URL,
      databaseProvider: raw.DATABASE_URL.startsWith("file:")
        ? ("sqlite" as const)
        : ("postgres" as const),
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
    };
  });

export type Env = z.output<typeof envSchema>;

function readOrCreateDevSecret(): string {
  if (existsSync(DEV_SECRET_FILE)) return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  const secret = randomBytes(33).toString("base64url");
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  writeFileSync(DEV_SECRET_FILE, secret + "\n", { mode: 0o600 });
  return secret;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
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
