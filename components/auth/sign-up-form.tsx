"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** Sign-up: a new organization you own, or, with an invitation, the organization that invited you. */
export function SignUpForm({ invitation }: { invitation?: { token: string; email: string; orgName: string } }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = invitation?.email ?? String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError("");
    const result = await signUpAction({
      name: String(form.get("name") ?? "") || undefined,
      email,
      password,
      organizationName: invitation ? undefined : String(form.get("organizationName") ?? ""),
      inviteToken: invitation?.token,
    });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors);
      return;
    }
    const signedIn = await signIn("credentials", { email, password, redirect: false });
    if (!signedIn || signedIn.error) {
      router.replace("/signin");
      return;
    }
    router.replace(`/o/${result.data.orgSlug}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">{invitation ? `Join ${invitation.orgName}` : "Create your account"}</h1>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Your name" htmlFor="name" error={fieldErrors.name}>
        <Input id="name" name="name" autoComplete="name" invalid={Boolean(fieldErrors.name)} />
      </Field>
      <Field label="Work email" htmlFor="email" error={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={invitation?.email} readOnly={Boolean(invitation)} invalid={Boolean(fieldErrors.email)} />
      </Field>
      <Field label="Password" htmlFor="password" error={fieldErrors.password} hint="At least 10 characters.">
        <Input id="password" name="password" type="password" autoComplete="new-password" required invalid={Boolean(fieldErrors.password)} />
      </Field>
      {invitation ? null : (
        <Field label="Organization name" htmlFor="organizationName" error={fieldErrors.organizationName} hint="Your company or team. You can invite others next.">
          <Input id="organizationName" name="organizationName" required invalid={Boolean(fieldErrors.organizationName)} />
        </Field>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : invitation ? "Create account and join" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={invitation ? `/signin?callbackUrl=/invite/${invitation.token}` : "/signin"} className="font-medium text-accent-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
