import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { isOidcConfigured } from "@/lib/auth/auth-options";
import { getSessionUserId } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DEMO_SIGN_IN } from "@/lib/setup/start-up-organizations";
import { safeCallbackUrl } from "@/lib/http/safe-callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUserId()) redirect(callbackUrl);
  const demo = await db.user.findUnique({ where: { email: DEMO_SIGN_IN.email }, select: { id: true } });
  return (
    <div className="space-y-4">
      <SignInForm callbackUrl={callbackUrl} initialError={params.error} oidcName={isOidcConfigured() ? (process.env.OIDC_NAME ?? "single sign-on") : undefined} />
      {demo ? (
        <Alert tone="info">
          Demo: <span className="font-mono">{DEMO_SIGN_IN.email}</span> / <span className="font-mono">{DEMO_SIGN_IN.password}</span>
        </Alert>
      ) : null}
    </div>
  );
}
