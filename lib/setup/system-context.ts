import type { OrgContext } from "@/lib/auth/org-context";

/** The context start-up tasks act in: the organization's OWNER rights, recorded as the system. */
export function systemContext(org: { id: string; slug: string; name: string; timeZone: string }, actorLabel = "system (start-up)"): OrgContext {
  return {
    orgId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
    timeZone: org.timeZone,
    role: "OWNER",
    userId: null,
    apiKeyId: null,
    scopes: [],
    actorLabel,
  };
}
