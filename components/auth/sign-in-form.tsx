"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { TOO_MANY_SIGN_IN_ATTEMPTS } from "@/lib/auth/sign-in-throttle";

const errorMessages: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  [TOO_MANY_SIGN_IN_ATTEMPTS]: "Too many failed sign-ins. Wait 15 minutes, then try again.",
  OidcEmail: "Your identity provider did not share a verified email address.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on did not complete. Try again or use your password.",
};

/** Email and password sign-in, plus single sign-on when configured. */
export function SignInForm({ callbackUrl, initialError, oidcName }: { callbackUrl: string; initialError?: string; oidcName?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? (errorMessages[initialError] ?? "Sign-in failed. Try again.") : "");
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(errorMessages[result?.error ?? ""] ?? errorMessages.CredentialsSignin);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">Sign in</h1>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {oidcName ? (
        <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {oidcName}
        </Button>
      ) : null}
      <p className="text-center text-sm text-slate-600">
        New to Marginal?{" "}
        <Link href="/signup" className="font-medium text-accent-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
