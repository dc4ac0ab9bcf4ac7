import type { ReactNode } from "react";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { OrgSwitcher } from "./org-switcher";
import { RememberOrg } from "./remember-org";
import { SignOutButton } from "./sign-out-button";

/** One entry in the navigation. */
export type NavItem = { label: string; href: string; exact?: boolean };
/** A titled group of entries. */
export type NavSection = { title?: string; items: NavItem[] };

type Props = {
  org: { name: string; slug: string; role: string };
  orgs: { name: string; slug: string; role: string }[];
  userEmail: string;
  sections: NavSection[];
  children: ReactNode;
};

/** The signed-in frame: navigation and the organization switcher beside (or above, on a phone) the page. */
export function AppShell({ org, orgs, userEmail, sections, children }: Props) {
  const navigation = (
    <nav aria-label="Main" className="space-y-5">
      {sections.map((section, index) => (
        <div key={section.title ?? index}>
          {section.title ? <p className="mb-1 px-3 text-xs font-medium uppercase tracking-wide text-slate-400">{section.title}</p> : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} exact={item.exact}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
  const account = (
    <div className="space-y-1 border-t border-slate-200 pt-4">
      <p className="truncate text-xs text-slate-500" title={userEmail}>
        {userEmail}
      </p>
      <SignOutButton />
    </div>
  );
  return (
    <div className="min-h-screen lg:flex">
      <RememberOrg slug={org.slug} />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-4 py-5 lg:flex lg:min-h-screen print:hidden">
        <Logo />
        <OrgSwitcher current={org} orgs={orgs} />
        <div className="flex-1">{navigation}</div>
        {account}
      </aside>
      <header className="border-b border-slate-200 bg-white px-4 py-3 lg:hidden print:hidden">
        <details>
          <summary className="flex cursor-pointer list-none items-center justify-between [&::-webkit-details-marker]:hidden">
            <Logo />
            <span className="rounded-md border border-slate-300 px-2.5 py-1 text-sm">Menu</span>
          </summary>
          <div className="mt-4 space-y-5">
            <OrgSwitcher current={org} orgs={orgs} />
            {navigation}
            {account}
          </div>
        </details>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-8 print:p-0">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
