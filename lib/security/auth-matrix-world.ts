import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { ROLES, roleAllows, type ApiKeyScope, type Permission } from "@/lib/auth/permissions";
import { createActionItem } from "@/lib/action-items/create-action-item";
import { createBudget } from "@/lib/budgets/create-budget";
import { db, Prisma, queryRaw } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/validate-events";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { enterRevenue } from "@/lib/revenue/enter-revenue";
import { listFindings } from "@/lib/shadow-ai/findings";
import { expensesImportKind } from "@/lib/shadow-ai/import-files";
import { sanctionTool } from "@/lib/shadow-ai/sanctioned-tools";
import { addMember, createOrgWithOwner, uniqueEmail } from "@/lib/test/fixtures";

/** A catalog tool both organizations sanction, so an unsanction aimed at the other org has a row to miss. */
export const SANCTIONED_VENDOR = "openai-chatgpt";

/** One organization of the matrix: a member per role, keys per scope set, and one object of each kind. */
export type MatrixOrg = {
  owner: OrgContext;
  members: Record<Role, OrgContext>;
  /** A string in every name this organization's objects carry: the other org's answers must never contain it. */
  marker: string;
  budgetId: string;
  actionItemId: string;
  alertId: string;
  runId: string;
  findingId: string;
  importId: string;
  apiKeyId: string;
  invitationId: string;
  /** The month and feature of the organization's revenue row. */
  revenueKey: { month: string; feature: string };
  /** A key with exactly these scopes (created once per set). */
  key: (scopes: readonly ApiKeyScope[]) => Promise<string>;
};

/** A valid budget body naming this marker, for routes, actions and seeding alike. */
export function budgetInput(marker: string) {
  return { name: `Budget ${marker}`, scope: { dimension: "feature" as const, value: `feature-${marker}` }, period: "month" as const, amount_usd: "100" };
}

/** An expenses CSV that no earlier import holds, so committing it always creates an import. */
export function uniqueExpensesCsv(): string {
  return ["date,email,merchant,amount", `2026-10-03,${uniqueEmail("spender")},OPENAI *CHATGPT SUBSCR,20`].join("\n");
}

/** Commits a fresh expenses import and answers its id. */
export async function seedExpensesImport(owner: OrgContext): Promise<string> {
  const { importId } = await expensesImportKind.commit(owner, { format: "csv", text: uniqueExpensesCsv() });
  if (!importId) throw new Error("the expenses import stored nothing");
  return importId;
}

/** A fresh, unacknowledged alert (acknowledging is once only). */
export async function seedAlert(owner: OrgContext, marker: string): Promise<string> {
  const alert = await db.alert.create({ data: { orgId: owner.orgId, title: `Alert ${marker}`, level: "red", previousLevel: "yellow", reason: `Spend on feature-${marker}` } });
  return alert.id;
}

/** Builds an organization with one of everything, named after `marker`. */
export async function seedMatrixOrg(marker: string): Promise<MatrixOrg> {
  const owner = await createOrgWithOwner(`Matrix ${marker}`);
  const members = { OWNER: owner } as Record<Role, OrgContext>;
  for (const role of ROLES.filter((r) => r !== "OWNER")) members[role] = await addMember(owner, role);

  const runId = `run-${marker}`;
  const { valid } = validateEvents([
    { id: `e-${marker}`, timestamp: new Date().toISOString(), provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 10, output_tokens: 5 }, cost_usd: "0.5", feature: `feature-${marker}`, run_id: runId, workflow: `wf-${marker}` },
  ]);
  await ingestEvents(owner, valid);
  await sanctionTool(owner, { vendor_id: SANCTIONED_VENDOR, note: `note ${marker}` });
  const importId = await seedExpensesImport(owner);
  const [finding] = await listFindings(owner);
  const revenueKey = { month: "2026-10", feature: `feature-${marker}` };
  await enterRevenue(owner, { ...revenueKey, amount_usd: "1000" });

  const keys = new Map<string, string>();
  return {
    owner,
    members,
    marker,
    budgetId: (await createBudget(owner, budgetInput(marker))).id,
    actionItemId: (await createActionItem(owner, { title: `Item ${marker}` })).id,
    alertId: await seedAlert(owner, marker),
    runId,
    findingId: finding.id,
    importId,
    apiKeyId: (await createApiKey(owner, { name: `Key ${marker}`, scopes: ["read"] })).id,
    invitationId: (await createInvitation(owner, { email: uniqueEmail(`invitee-${marker}`), role: "VIEWER" }, { baseUrl: "http://localhost" })).id,
    revenueKey,
    async key(scopes) {
      const name = [...scopes].sort().join("+");
      if (!keys.has(name)) keys.set(name, (await createApiKey(owner, { name: `Key ${marker} ${name || "none"}`, scopes: [...scopes] })).secret);
      return keys.get(name)!;
    },
  };
}

/** A marker unique to this run, so the leak check cannot match another test's rows. */
export function newMarker(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}`;
}

/** The most powerful role refused this permission (the sharpest wrong-role case), or null when every role has it. */
export function strongestRoleWithout(permission: Permission): Role | null {
  return ROLES.find((r) => !roleAllows(r, permission)) ?? null;
}

/** The least powerful role granted this permission (so the allowed case proves the boundary). */
export function weakestRoleWith(permission: Permission): Role {
  const role = ROLES.findLast((r) => roleAllows(r, permission));
  if (!role) throw new Error(`no role has ${permission}`);
  return role;
}

const GLOBAL_MODELS = new Set<string>(["User", "Organization"]);

/**
 * A digest of every row the organization owns, per tenant table (every model but User and
 * Organization leads with orgId, and each model's table carries its name): equal before and after
 * means nothing there changed. One statement, so the many checks stay cheap.
 */
export async function snapshotOrg(orgId: string): Promise<string> {
  const digest = (table: string, column: string) =>
    `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x WHERE x."${column}" = $1`;
  const tables = Object.values(Prisma.ModelName).filter((m) => !GLOBAL_MODELS.has(m));
  const sql = [digest("Organization", "id"), ...tables.map((t) => digest(t, "orgId"))].join(" UNION ALL ");
  return JSON.stringify(await queryRaw<{ t: string; h: string }>(sql, [orgId]));
}
