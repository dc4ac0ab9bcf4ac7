import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateOrganizationForm } from "@/components/auth/create-organization-form";
import { Logo } from "@/components/shell/logo";
import { getSessionUserId } from "@/lib/auth/session";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";

export const metadata: Metadata = { title: "New organization" };

export default async function OnboardingPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/onboarding");
  const orgs = await listMyOrganizations(userId);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <div className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">{orgs.length ? "New organization" : "Create your organization"}</h1>
        <p className="text-sm text-slate-600">
          {orgs.length
            ? "Each organization has its own data, members, keys and budgets."
            : "You are not a member of any organization yet. Create one, or open an invitation link someone sent you."}
        </p>
        <CreateOrganizationForm />
        {orgs.length ? (
          <Link href={`/o/${orgs[0].slug}`} className="block text-center text-sm text-accent-600 hover:underline">
            Back to {orgs[0].name}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
