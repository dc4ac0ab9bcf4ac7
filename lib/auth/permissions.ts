import type { Role } from "@/lib/db/generated/enums";

/** Scopes an API key can carry (SPEC section 1). */
export const API_KEY_SCOPES = ["ingest", "read", "manage"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Roles from most to least powerful. */
export const ROLES: Role[] = ["OWNER", "ADMIN", "FINANCE", "ENGINEER", "VIEWER"];

/** What a request may ask to do; each is granted to roles and, where keys may do it, to one scope. */
export type Permission =
  | "read"
  | "ingest"
  | "manage_api_keys"
  | "manage_prices"
  | "manage_budgets"
  | "manage_revenue"
  | "manage_shadow_ai"
  | "manage_reports"
  | "manage_action_items"
  | "manage_members"
  | "manage_org"
  | "read_audit_log"
  | "delete_org";

const rolesFor: Record<Permission, readonly Role[]> = {
  read: ROLES,
  // people send events through keys; a signed-in engineer or admin may too (CSV upload)
  ingest: ["OWNER", "ADMIN", "FINANCE", "ENGINEER"],
  manage_api_keys: ["OWNER", "ADMIN", "ENGINEER"],
  manage_prices: ["OWNER", "ADMIN", "ENGINEER"],
  manage_budgets: ["OWNER", "ADMIN", "FINANCE"],
  manage_revenue: ["OWNER", "ADMIN", "FINANCE"],
  manage_shadow_ai: ["OWNER", "ADMIN", "FINANCE"],
  manage_reports: ["OWNER", "ADMIN", "FINANCE"],
  // the weekly review is run by finance and engineering together
  manage_action_items: ["OWNER", "ADMIN", "FINANCE", "ENGINEER"],
  manage_members: ["OWNER", "ADMIN"],
  manage_org: ["OWNER", "ADMIN"],
  read_audit_log: ["OWNER", "ADMIN"],
  delete_org: ["OWNER"],
};

// Keys never manage people, keys, the organization or read the audit log: those need a person.
const scopeFor: Partial<Record<Permission, ApiKeyScope>> = {
  read: "read",
  ingest: "ingest",
  manage_prices: "manage",
  manage_budgets: "manage",
  manage_shadow_ai: "manage",
  manage_action_items: "manage",
  manage_revenue: "ingest",
};

/** Whether a member with this role may do this. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return rolesFor[permission].includes(role);
}

/** Whether an API key with these scopes may do this. */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  const needed = scopeFor[permission];
  return needed !== undefined && scopes.includes(needed);
}

/** The roles a member with this role may hand out: nobody but an OWNER makes another OWNER. */
export function assignableRoles(role: Role): Role[] {
  if (role === "OWNER") return ROLES;
  if (role === "ADMIN") return ROLES.filter((r) => r !== "OWNER");
  return [];
}
