import { ensureOrganization, type EnsureOrganizationResult } from "./ensure-organization";

/** The demo sign-in the README gives (SPEC section 1). */
export const DEMO_SIGN_IN = { email: "demo@marginal.local", password: "marginal-demo", orgName: "Demo Co", slug: "demo" } as const;

/** Reads the MARGINAL_INIT_* variables; null when none is set, an error naming any that is missing. */
export function readInitialOrganizationEnv(env: Record<string, string | undefined>) {
  const names = ["MARGINAL_INIT_ORG", "MARGINAL_INIT_USER_EMAIL", "MARGINAL_INIT_USER_PASSWORD"] as const;
  const present = names.filter((n) => env[n]);
  if (present.length === 0 && !env.MARGINAL_INIT_API_KEY) return null;
  const missing = names.filter((n) => !env[n]);
  if (missing.length > 0) throw new Error(`Headless start needs ${missing.join(", ")} as well`);
  return {
    orgName: env.MARGINAL_INIT_ORG!,
    email: env.MARGINAL_INIT_USER_EMAIL!,
    password: env.MARGINAL_INIT_USER_PASSWORD!,
    apiKey: env.MARGINAL_INIT_API_KEY || undefined,
  };
}

/** Headless start from the environment, when its variables are set. */
export async function ensureInitialOrganization(env: Record<string, string | undefined> = process.env): Promise<EnsureOrganizationResult | null> {
  const options = readInitialOrganizationEnv(env);
  return options ? ensureOrganization(options) : null;
}

/** The demo organization and its sign-in. */
export async function ensureDemoOrganization(): Promise<EnsureOrganizationResult> {
  return ensureOrganization({ orgName: DEMO_SIGN_IN.orgName, slug: DEMO_SIGN_IN.slug, email: DEMO_SIGN_IN.email, password: DEMO_SIGN_IN.password });
}
