import { describe, expect, it } from "vitest";
import { assignableRoles, roleAllows, scopesAllow, type Permission } from "./permissions";

describe("roles", () => {
  const cases: [Permission, string[], string[]][] = [
    ["read", ["OWNER", "ADMIN", "FINANCE", "ENGINEER", "VIEWER"], []],
    ["manage_api_keys", ["OWNER", "ADMIN", "ENGINEER"], ["FINANCE", "VIEWER"]],
    ["manage_prices", ["OWNER", "ADMIN", "ENGINEER"], ["FINANCE", "VIEWER"]],
    ["manage_budgets", ["OWNER", "ADMIN", "FINANCE"], ["ENGINEER", "VIEWER"]],
    ["manage_action_items", ["OWNER", "ADMIN", "FINANCE", "ENGINEER"], ["VIEWER"]],
    ["manage_shadow_ai", ["OWNER", "ADMIN", "FINANCE"], ["ENGINEER", "VIEWER"]],
    ["manage_members", ["OWNER", "ADMIN"], ["FINANCE", "ENGINEER", "VIEWER"]],
    ["read_audit_log", ["OWNER", "ADMIN"], ["FINANCE", "ENGINEER", "VIEWER"]],
    ["delete_org", ["OWNER"], ["ADMIN", "FINANCE", "ENGINEER", "VIEWER"]],
  ];
  it.each(cases)("%s is allowed to %j and refused to %j", (permission, allowed, refused) => {
    for (const role of allowed) expect(roleAllows(role as never, permission), `${role} ${permission}`).toBe(true);
    for (const role of refused) expect(roleAllows(role as never, permission), `${role} ${permission}`).toBe(false);
  });

  it("lets only an owner hand out OWNER", () => {
    expect(assignableRoles("OWNER")).toContain("OWNER");
    expect(assignableRoles("ADMIN")).not.toContain("OWNER");
    expect(assignableRoles("ADMIN")).toContain("FINANCE");
    expect(assignableRoles("FINANCE")).toEqual([]);
  });
});

describe("API key scopes", () => {
  it("maps each permission to the scope SPEC section 1 names", () => {
    expect(scopesAllow(["ingest"], "ingest")).toBe(true);
    expect(scopesAllow(["ingest"], "read")).toBe(false);
    expect(scopesAllow(["read"], "read")).toBe(true);
    expect(scopesAllow(["read"], "manage_budgets")).toBe(false);
    expect(scopesAllow(["manage"], "manage_budgets")).toBe(true);
    expect(scopesAllow(["manage"], "manage_prices")).toBe(true);
  });

  it("never lets a key manage people, keys or the organization", () => {
    const all = ["ingest", "read", "manage"];
    for (const permission of ["manage_members", "manage_api_keys", "manage_org", "read_audit_log", "delete_org"] as Permission[]) {
      expect(scopesAllow(all, permission), permission).toBe(false);
    }
  });
});
