// next-auth: email + password always; GitHub and Google when their keys are set. Sessions are
// JWTs holding the user id; every request re-reads the user (lib/auth/session.ts).
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";
import { signInSchema } from "./schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import { attemptSucceeded, recordSignInAttempt } from "./rate-limit";
import { getSessionVersion, getUserCredentials } from "@/lib/users/data";
import { connectOAuthAccount, upsertOAuthUser } from "@/lib/users/mutations";
import { cookies } from "next/headers";
import { LINK_COOKIE, readLinkIntent } from "./link-intent";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * The client's address, as the outermost trusted proxy saw it: with TRUSTED_PROXY_HOPS = n, the
 * n-th address from the right of X-Forwarded-For (each proxy appends the address it was reached
 * from). With no proxy (0), Next.js fills the header from the connection when the client did not
 * send one; a client-sent header is then all there is, so its last entry is used.
 */
export function clientIp(headers: Headers, hops = env().trustedProxyHops): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const ip = chain[chain.length - Math.max(1, hops)];
  return ip?.slice(0, 64) || "unknown";
}

function buildConfig(): NextAuthConfig {
  const { authSecret, github, google } = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        const attempt = await recordSignInAttempt(email, ip);
        if (attempt.blocked) throw new TooManyAttempts();
        const user = await getUserCredentials(email);
        const ok = await verifyPassword(
          user?.passwordHash ?? (await dummyPasswordHash()),
          password,
        );
        if (!user || !user.passwordHash || !ok) throw new InvalidCredentials();
        await attemptSucceeded(email, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (github) providers.push(GitHub(github));
  if (google) providers.push(Google(google));

  return {
    secret: authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin") return;
        console.error(error);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || (account.type !== "oauth" && account.type !== "oidc")) return true;
        // Connecting from the profile: the signed-in user's cookie says whom to link to.
        const jar = await cookies();
        const linkTo = readLinkIntent(authSecret, jar.get(LINK_COOKIE)?.value, account.provider);
        if (linkTo) {
          jar.delete(LINK_COOKIE);
          const connected = await connectOAuthAccount(
            linkTo,
            account.provider,
            account.providerAccountId,
          );
          if ("refused" in connected)
            return `/profile?connectError=${connected.refused}&provider=${account.provider}`;
          user.id = connected.id;
          return true;
        }
        const email = (profile?.email ?? user.email)?.toLowerCase();
        if (!email) return false;
        const saved = await upsertOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email,
          // Google says whether it verified the address; GitHub's profile does not, so it is
          // never taken as proof of an existing account's email.
          emailVerified:
            (profile as { email_verified?: unknown } | undefined)?.email_verified === true,
          name: user.name ?? email,
        });
        if ("refused" in saved) return `/sign-in?error=${saved.refused}`;
        user.id = saved.id;
        return true;
      },
      // The token carries the account's session version at sign-in; a password change raises the
      // version, and every session signed in before it stops being accepted.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = await getSessionVersion(user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        (session as { sv?: number }).sv = typeof token.sv === "number" ? token.sv : 0;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());

export function enabledOAuthProviders(): ("github" | "google")[] {
  const { github, google } = env();
  return [...(github ? (["github"] as const) : []), ...(google ? (["google"] as const) : [])];
}
