import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";
import { clientAddressOf, createSignInThrottle, TOO_MANY_SIGN_IN_ATTEMPTS } from "./sign-in-throttle";

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

/** The optional OIDC provider, configured by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. */
export function oidcProviderFromEnv(env: Record<string, string | undefined> = process.env): OAuthConfig<OidcProfile> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: env.OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email, name: profile.name }),
  };
}

// A wrong email and a wrong password take the same time and give the same answer.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA";

// One per server process, shared by every sign-in request.
const signInThrottle = createSignInThrottle();

/** next-auth configuration: email and password, plus OIDC when configured; sessions are JWTs. */
export function buildAuthOptions(): NextAuthOptions {
  const oidc = oidcProviderFromEnv();
  return {
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email?.trim().toLowerCase();
          const password = credentials?.password ?? "";
          if (!email || !password) return null;
          const address = clientAddressOf(req?.headers);
          // Refused before the password is checked, so a locked-out guesser learns nothing more.
          if (signInThrottle.retryAfterSeconds(email, address) > 0) throw new Error(TOO_MANY_SIGN_IN_ATTEMPTS);
          const user = await db.user.findUnique({ where: { email } });
          const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
          if (!user || !ok) {
            signInThrottle.recordFailure(email, address);
            return null;
          }
          signInThrottle.recordSuccess(email);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // People who sign in through OIDC get a Marginal account for their verified email.
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const p = profile as OidcProfile | undefined;
        if (!p?.email || p.email_verified === false) return "/signin?error=OidcEmail";
        const email = p.email.toLowerCase();
        await db.user.upsert({ where: { email }, create: { email, name: p.name ?? null }, update: {} });
        return true;
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "oidc" && token.email) {
          const dbUser = await db.user.findUnique({ where: { email: token.email.toLowerCase() }, select: { id: true } });
          token.uid = dbUser?.id;
        } else if (user) {
          token.uid = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
}

/** Whether the sign-in page offers single sign-on. */
export function isOidcConfigured(): boolean {
  return oidcProviderFromEnv() !== null;
}
