import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { getSessionUserId } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { getInvitationByToken } from "@/lib/invitations/accept-invitation";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite } = await searchParams;
  if (await getSessionUserId()) redirect(invite ? `/invite/${invite}` : "/");
  if (!invite) return <SignUpForm />;
  const invitation = await getInvitationByToken(invite).catch((error: unknown) => {
    if (error instanceof AppError) return error;
    throw error;
  });
  if (!(invitation instanceof AppError)) {
    return <SignUpForm invitation={{ token: invite, email: invitation.email, orgName: invitation.org.name }} />;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Invitation unavailable</h1>
      <Alert>{invitation.message}</Alert>
      <Link href="/signup" className="text-sm font-medium text-accent-600 hover:underline">
        Create an account without an invitation
      </Link>
    </div>
  );
}
