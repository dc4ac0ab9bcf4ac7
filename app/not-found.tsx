import Link from "next/link";
import { Logo } from "@/components/shell/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <Logo className="mb-8 text-xl" />
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">This page does not exist, or it belongs to an organization you are not a member of.</p>
      <Link href="/" className="mt-6 rounded-md bg-accent-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-700">
        Go to your organization
      </Link>
    </main>
  );
}
