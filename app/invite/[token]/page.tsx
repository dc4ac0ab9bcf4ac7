import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton } from "@/components/auth/accept-invitation-button";
import { Logo } from "@/components/shell/logo";
import { Alert } from "@/components/ui/alert";
import { getSessionUserId } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getInvitationByToken } from "@/lib/invitations/accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <div className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <InvitationBody token={token} />
      </div>
    </main>
  );
}

async function InvitationBody({ token }: { token: string }) {
  const invitation = await getInvitationByToken(token).catch((error: unknown) => {
    if (error instanceof AppError) return error;
    throw error;
  });
  if (invitation instanceof AppError) {
    return (
      <>
        <h1 className="text-lg font-semibold">Invitation unavailable</h1>
        <Alert>{invitation.message}</Alert>
        <Link href="/" className="text-sm font-medium text-accent-600 hover:underline">
          Go to Marginal
        </Link>
      </>
    );
  }
  const userId = await getSessionUserId();
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
  const heading = (
    <>
      <h1 className="text-lg font-semibold">Join {invitation.org.name}</h1>
      <p className="text-sm text-slate-600">
        You are invited as <strong>{invitation.role}</strong> with <strong>{invitation.email}</strong>.
      </p>
    </>
  );
  if (!user) {
    return (
      <>
        {heading}
        <Link href={`/signup?invite=${token}`} className="block rounded-md bg-accent-600 px-3.5 py-2 text-center text-sm font-medium text-white hover:bg-accent-700">
          Create an account
        </Link>
        <Link href={`/signin?callbackUrl=/invite/${token}`} className="block text-center text-sm font-medium text-accent-600 hover:underline">
          I already have an account
        </Link>
      </>
    );
  }
  if (user.email !== invitation.email) {
    return (
      <>
        {heading}
        <Alert>You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.</Alert>
      </>
    );
  }
  return (
    <>
      {heading}
      <AcceptInvitationButton token={token} />
    </>
  );
}
