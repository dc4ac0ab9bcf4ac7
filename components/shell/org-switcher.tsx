import Link from "next/link";

type OrgOption = { name: string; slug: string; role: string };

/** Switches between the organizations a person belongs to (a native disclosure: keyboard-ready). */
export function OrgSwitcher({ current, orgs }: { current: OrgOption; orgs: OrgOption[] }) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{current.name}</span>
          <span className="block text-xs text-slate-500">{current.role}</span>
        </span>
        <span aria-hidden className="text-slate-400 group-open:rotate-180">▾</span>
        <span className="sr-only">Switch organization</span>
      </summary>
      <div className="absolute left-0 right-0 z-20 mt-1 rounded-md border border-slate-200 bg-white py-1 shadow-lg" role="menu">
        {orgs.map((org) => (
          <Link
            key={org.slug}
            href={`/o/${org.slug}`}
            role="menuitem"
            aria-current={org.slug === current.slug ? "true" : undefined}
            className="flex items-center justify-between px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 aria-[current]:font-medium"
          >
            <span className="truncate">{org.name}</span>
            <span className="text-xs text-slate-400">{org.role}</span>
          </Link>
        ))}
        <div className="my-1 border-t border-slate-100" />
        <Link href="/onboarding" role="menuitem" className="block px-3 py-1.5 text-sm text-accent-600 hover:bg-slate-50">
          New organization…
        </Link>
      </div>
    </details>
  );
}
