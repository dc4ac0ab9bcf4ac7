import { beforeAll, describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/(auth)/actions";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { acknowledgeAlertAction, getAlertDeliveryLogAction } from "@/app/o/[slug]/alerts/actions";
import { createBudgetAction, deleteBudgetAction, updateBudgetAction } from "@/app/o/[slug]/budgets/actions";
import { createActionItemAction, updateActionItemAction } from "@/app/o/[slug]/review/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/o/[slug]/settings/api-keys/actions";
import { commitEventsImportAction, previewEventsImportAction } from "@/app/o/[slug]/settings/import-events/actions";
import { commitShadowAiImportAction, previewShadowAiImportAction, undoShadowAiImportAction } from "@/app/o/[slug]/settings/imports/actions";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "@/app/o/[slug]/settings/members/actions";
import { deleteOrganizationAction, leaveOrganizationAction, updateOrganizationAction } from "@/app/o/[slug]/settings/organization/actions";
import { createPriceOverrideAction } from "@/app/o/[slug]/settings/prices/actions";
import { commitRevenueImportAction, deleteRevenueAction, enterRevenueAction, previewRevenueImportAction } from "@/app/o/[slug]/settings/revenue/actions";
import { sanctionToolAction, unsanctionToolAction, updateFindingAction } from "@/app/o/[slug]/shadow-ai/actions";
import { createOrganizationAction } from "@/app/onboarding/actions";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Permission } from "@/lib/auth/permissions";
import { createBudget } from "@/lib/budgets/create-budget";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/http/action-result";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { enterRevenue } from "@/lib/revenue/enter-revenue";
import { sanctionTool } from "@/lib/shadow-ai/sanctioned-tools";
import { addMember, createOrgWithOwner, uniqueEmail } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { listServerActions } from "./auth-matrix-inventory";
import {
  budgetInput,
  newMarker,
  SANCTIONED_VENDOR,
  seedAlert,
  seedExpensesImport,
  seedMatrixOrg,
  snapshotOrg,
  strongestRoleWithout,
  uniqueExpensesCsv,
  weakestRoleWith,
  type MatrixOrg,
} from "./auth-matrix-world";

// Faked: who is signed in, and Next's request-bound helpers (the page cache and the request
// headers), which do not exist outside a request. Memberships, roles and checks are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

withTestDatabase();

type Result = ActionResult<unknown>;

/** An action that runs for a member of the organization named by its first argument. */
type OrgActionSpec<T> = {
  /** "any member" for what every member may do to themselves (leaving). */
  permission: Permission | "any member";
  /** The arguments' objects, made in `org` before the call (and before any snapshot). */
  target: (org: MatrixOrg) => T | Promise<T>;
  call: (orgSlug: string, target: T) => Promise<Result>;
  /** Its arguments name one of the organization's objects: aim it at the other organization's too. */
  targetsObject?: true;
  /** Its allowed call ends the membership or the organization, so it runs in a throwaway one. */
  throwaway?: true;
};

/** An action that needs a signed-in person but no organization, or nobody at all (sign-up). */
type PersonActionSpec = {
  access: "public" | "signed in";
  /** Runs the action as it must succeed: sets up its own person and session. */
  allowed: () => Promise<Result>;
  /** Runs it with valid arguments as whoever is signed in (refused without a session when "signed in"). */
  anyone: () => Promise<Result>;
  /** Uses an invitation to another organization, addressed to someone else: refused, nothing changes there. */
  intrude?: (token: string) => Promise<Result>;
};

function orgAction<T>(spec: OrgActionSpec<T>): OrgActionSpec<unknown> {
  return spec as OrgActionSpec<unknown>;
}

const csvFile = (text: string) => new Blob([text], { type: "text/csv" });
const eventsCsv = () => csvFile(`id,timestamp,provider,model,usage.input_tokens,usage.output_tokens\ne-${newMarker("matrix")},${new Date().toISOString()},openai,gpt-4o-mini,1,1`);
const revenueCsv = (org: MatrixOrg) => csvFile(`month,feature,amount_usd\n2026-09,feature-${org.marker},10`);

async function inviteToken(org: MatrixOrg, email: string): Promise<string> {
  const { link } = await createInvitation(org.owner, { email, role: "VIEWER" }, { baseUrl: "http://localhost" });
  return link.split("/invite/")[1];
}

async function newUser(email = uniqueEmail("person")): Promise<string> {
  return (await db.user.create({ data: { email } })).id;
}

/**
 * Every exported function of every "use server" module under app/, with what it demands. The
 * first test fails when an action exists that this table lacks (or the table names a gone one).
 */
const ACTIONS: Record<string, OrgActionSpec<unknown> | PersonActionSpec> = {
  "app/(auth)/actions.ts#signUpAction": {
    access: "public",
    allowed: async () => {
      session.userId = null;
      return signUpAction({ email: uniqueEmail("signup"), password: "correct horse battery", organizationName: "Sign-up Co" });
    },
    anyone: () => signUpAction({ email: uniqueEmail("signup"), password: "correct horse battery", organizationName: "Sign-up Co" }),
    intrude: (token) => signUpAction({ email: uniqueEmail("intruder"), password: "correct horse battery", inviteToken: token }),
  },
  "app/invite/[token]/actions.ts#acceptInvitationAction": {
    access: "signed in",
    allowed: async () => {
      const email = uniqueEmail("invitee");
      session.userId = await newUser(email);
      return acceptInvitationAction(await inviteToken(orgA, email));
    },
    anyone: async () => acceptInvitationAction(await inviteToken(orgA, uniqueEmail("invitee"))),
    intrude: (token) => acceptInvitationAction(token),
  },
  "app/onboarding/actions.ts#createOrganizationAction": {
    access: "signed in",
    allowed: async () => {
      session.userId = await newUser();
      return createOrganizationAction({ name: "Onboarded Co" });
    },
    anyone: () => createOrganizationAction({ name: "Onboarded Co" }),
  },
  "app/o/[slug]/alerts/actions.ts#acknowledgeAlertAction": orgAction({
    permission: "manage_budgets",
    target: (o) => seedAlert(o.owner, o.marker),
    call: (slug, id) => acknowledgeAlertAction(slug, id, "seen"),
    targetsObject: true,
  }),
  "app/o/[slug]/alerts/actions.ts#getAlertDeliveryLogAction": orgAction({
    permission: "read",
    target: (o) => o.alertId,
    call: (slug, id) => getAlertDeliveryLogAction(slug, id),
    targetsObject: true,
  }),
  "app/o/[slug]/budgets/actions.ts#createBudgetAction": orgAction({
    permission: "manage_budgets",
    target: (o) => budgetInput(o.marker),
    call: (slug, input) => createBudgetAction(slug, input),
  }),
  "app/o/[slug]/budgets/actions.ts#updateBudgetAction": orgAction({
    permission: "manage_budgets",
    target: (o) => ({ id: o.budgetId, input: { ...budgetInput(o.marker), amount_usd: "250" } }),
    call: (slug, { id, input }) => updateBudgetAction(slug, id, input),
    targetsObject: true,
  }),
  "app/o/[slug]/budgets/actions.ts#deleteBudgetAction": orgAction({
    permission: "manage_budgets",
    target: async (o) => (await createBudget(o.owner, budgetInput(o.marker))).id,
    call: (slug, id) => deleteBudgetAction(slug, id),
    targetsObject: true,
  }),
  "app/o/[slug]/review/actions.ts#createActionItemAction": orgAction({
    permission: "manage_action_items",
    target: (o) => ({ title: `Item ${o.marker}` }),
    call: (slug, input) => createActionItemAction(slug, input),
  }),
  "app/o/[slug]/review/actions.ts#updateActionItemAction": orgAction({
    permission: "manage_action_items",
    target: (o) => o.actionItemId,
    call: (slug, id) => updateActionItemAction(slug, id, { status: "in_progress" }),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/api-keys/actions.ts#createApiKeyAction": orgAction({
    permission: "manage_api_keys",
    target: (o) => ({ name: `Key ${o.marker}`, scopes: ["read" as const] }),
    call: (slug, input) => createApiKeyAction(slug, input),
  }),
  "app/o/[slug]/settings/api-keys/actions.ts#revokeApiKeyAction": orgAction({
    permission: "manage_api_keys",
    target: async (o) => (await createApiKey(o.owner, { name: `Key ${o.marker}`, scopes: ["read"] })).id,
    call: (slug, id) => revokeApiKeyAction(slug, id),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/import-events/actions.ts#previewEventsImportAction": orgAction({
    permission: "ingest",
    target: eventsCsv,
    call: (slug, file) => previewEventsImportAction(slug, file, {}),
  }),
  "app/o/[slug]/settings/import-events/actions.ts#commitEventsImportAction": orgAction({
    permission: "ingest",
    target: eventsCsv,
    call: (slug, file) => commitEventsImportAction(slug, file, {}),
  }),
  "app/o/[slug]/settings/imports/actions.ts#previewShadowAiImportAction": orgAction({
    permission: "manage_shadow_ai",
    target: () => csvFile(uniqueExpensesCsv()),
    call: (slug, file) => previewShadowAiImportAction(slug, "expenses", file, {}),
  }),
  "app/o/[slug]/settings/imports/actions.ts#commitShadowAiImportAction": orgAction({
    permission: "manage_shadow_ai",
    target: () => csvFile(uniqueExpensesCsv()),
    call: (slug, file) => commitShadowAiImportAction(slug, "expenses", file, {}, "expenses.csv"),
  }),
  "app/o/[slug]/settings/imports/actions.ts#undoShadowAiImportAction": orgAction({
    permission: "manage_shadow_ai",
    target: (o) => seedExpensesImport(o.owner),
    call: (slug, id) => undoShadowAiImportAction(slug, id),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/members/actions.ts#inviteMemberAction": orgAction({
    permission: "manage_members",
    target: () => ({ email: uniqueEmail("invitee"), role: "VIEWER" as const }),
    call: (slug, input) => inviteMemberAction(slug, input),
  }),
  "app/o/[slug]/settings/members/actions.ts#changeMemberRoleAction": orgAction({
    permission: "manage_members",
    target: async (o) => (await addMember(o.owner, "VIEWER")).userId!,
    call: (slug, userId) => changeMemberRoleAction(slug, { userId, role: "FINANCE" }),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/members/actions.ts#removeMemberAction": orgAction({
    permission: "manage_members",
    target: async (o) => (await addMember(o.owner, "VIEWER")).userId!,
    call: (slug, userId) => removeMemberAction(slug, userId),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/members/actions.ts#revokeInvitationAction": orgAction({
    permission: "manage_members",
    target: async (o) => (await createInvitation(o.owner, { email: uniqueEmail("invitee"), role: "VIEWER" }, { baseUrl: "http://localhost" })).id,
    call: (slug, id) => revokeInvitationAction(slug, id),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/organization/actions.ts#updateOrganizationAction": orgAction({
    permission: "manage_org",
    target: (o) => ({ name: o.owner.orgName, timeZone: "Europe/Paris" }),
    call: (slug, input) => updateOrganizationAction(slug, input),
  }),
  "app/o/[slug]/settings/organization/actions.ts#leaveOrganizationAction": orgAction({
    permission: "any member",
    target: () => null,
    call: (slug) => leaveOrganizationAction(slug),
    throwaway: true,
  }),
  "app/o/[slug]/settings/organization/actions.ts#deleteOrganizationAction": orgAction({
    permission: "delete_org",
    target: (o) => o.owner.orgName,
    call: (slug, confirmName) => deleteOrganizationAction(slug, confirmName),
    throwaway: true,
  }),
  "app/o/[slug]/settings/prices/actions.ts#createPriceOverrideAction": orgAction({
    permission: "manage_prices",
    target: () => ({ kind: "discount" as const, provider: "openai", discountPct: "5", effectiveFrom: "2026-01-01", reprice: false }),
    call: (slug, input) => createPriceOverrideAction(slug, input),
  }),
  "app/o/[slug]/settings/revenue/actions.ts#enterRevenueAction": orgAction({
    permission: "manage_revenue",
    target: (o) => ({ month: "2026-11", feature: `feature-${o.marker}`, amount_usd: "10" }),
    call: (slug, input) => enterRevenueAction(slug, input),
  }),
  "app/o/[slug]/settings/revenue/actions.ts#deleteRevenueAction": orgAction({
    permission: "manage_revenue",
    target: async (o) => {
      const key = { month: "2026-08", feature: `feature-${newMarker(o.marker)}` };
      await enterRevenue(o.owner, { ...key, amount_usd: "10" });
      return key;
    },
    call: (slug, key) => deleteRevenueAction(slug, key),
    targetsObject: true,
  }),
  "app/o/[slug]/settings/revenue/actions.ts#previewRevenueImportAction": orgAction({
    permission: "manage_revenue",
    target: revenueCsv,
    call: (slug, file) => previewRevenueImportAction(slug, file, {}),
  }),
  "app/o/[slug]/settings/revenue/actions.ts#commitRevenueImportAction": orgAction({
    permission: "manage_revenue",
    target: revenueCsv,
    call: (slug, file) => commitRevenueImportAction(slug, file, {}),
  }),
  "app/o/[slug]/shadow-ai/actions.ts#updateFindingAction": orgAction({
    permission: "manage_shadow_ai",
    target: (o) => o.findingId,
    call: (slug, id) => updateFindingAction(slug, id, { note: "checked" }),
    targetsObject: true,
  }),
  "app/o/[slug]/shadow-ai/actions.ts#sanctionToolAction": orgAction({
    permission: "manage_shadow_ai",
    target: () => ({ vendor_id: "midjourney" }),
    call: (slug, input) => sanctionToolAction(slug, input),
  }),
  "app/o/[slug]/shadow-ai/actions.ts#unsanctionToolAction": orgAction({
    permission: "manage_shadow_ai",
    target: async (o) => {
      await sanctionTool(o.owner, { vendor_id: SANCTIONED_VENDOR, note: `note ${o.marker}` });
      return SANCTIONED_VENDOR;
    },
    call: (slug, vendorId) => unsanctionToolAction(slug, vendorId),
    targetsObject: true,
  }),
};

const SIGN_IN = /sign in/i;

function expectRefused(result: Result, message: RegExp, label: string) {
  expect(result.ok, `${label}: ${JSON.stringify(result)}`).toBe(false);
  if (!result.ok) expect(result.error, label).toMatch(message);
}

function expectAllowed(result: Result, label: string) {
  expect(result, label).toMatchObject({ ok: true });
}

let orgA: MatrixOrg;
let orgB: MatrixOrg;

beforeAll(async () => {
  orgA = await seedMatrixOrg(newMarker("orga"));
  orgB = await seedMatrixOrg(newMarker("orgb"));
});

describe("the server-action authorization matrix", () => {
  it("covers exactly the exported functions of every \"use server\" module", async () => {
    expect(Object.keys(ACTIONS).sort()).toEqual((await listServerActions()).map((a) => a.name));
  });

  it("has an organization snapshot that notices a changed row (so \"nothing changed\" means something)", async () => {
    const org = await createOrgWithOwner();
    const before = await snapshotOrg(org.orgId);
    await createBudget(org, budgetInput("snapshot"));
    expect(await snapshotOrg(org.orgId)).not.toBe(before);
  });

  for (const [name, spec] of Object.entries(ACTIONS)) {
    describe(name, () => {
      if ("access" in spec) {
        if (spec.access === "signed in") {
          it("refuses without a session, asking to sign in", async () => {
            session.userId = null;
            expectRefused(await spec.anyone(), SIGN_IN, "anonymous");
          });
        } else {
          it("is public: succeeds without a session", async () => {
            session.userId = null;
            expectAllowed(await spec.anyone(), "anonymous");
          });
        }
        it("succeeds for the person it is meant for", async () => {
          expectAllowed(await spec.allowed(), "allowed");
        });
        const { intrude } = spec;
        if (intrude) it("refuses another organization's invitation addressed to someone else, changing nothing there", async () => {
          session.userId = orgA.owner.userId;
          const token = await inviteToken(orgB, uniqueEmail("invitee"));
          const before = await snapshotOrg(orgB.owner.orgId);
          expectRefused(await intrude!(token), /invitation is for/i, "someone else's invitation");
          expect(await snapshotOrg(orgB.owner.orgId)).toBe(before);
        });
        return;
      }

      const wrongRole = spec.permission === "any member" ? null : strongestRoleWithout(spec.permission);
      const allowedRole = spec.permission === "any member" ? "VIEWER" : weakestRoleWith(spec.permission);

      it("refuses without a session, asking to sign in", async () => {
        session.userId = null;
        expectRefused(await spec.call(orgA.owner.orgSlug, await spec.target(orgA)), SIGN_IN, "anonymous");
      });

      if (wrongRole !== null) it(`refuses a ${wrongRole}`, async () => {
        session.userId = orgA.members[wrongRole!].userId;
        const target = await spec.target(orgA);
        const before = await snapshotOrg(orgA.owner.orgId);
        expectRefused(await spec.call(orgA.owner.orgSlug, target), /role/i, wrongRole!);
        expect(await snapshotOrg(orgA.owner.orgId)).toBe(before);
      });

      it(`succeeds for a ${allowedRole}${spec.throwaway ? " (in a throwaway organization)" : ""}`, async () => {
        const org = spec.throwaway ? await seedMatrixOrg(newMarker("throwaway")) : orgA;
        session.userId = org.members[allowedRole].userId;
        expectAllowed(await spec.call(org.owner.orgSlug, await spec.target(org)), allowedRole);
      });

      it("refuses a member of one organization naming another's slug, changing nothing there", async () => {
        session.userId = orgA.owner.userId;
        const target = await spec.target(orgB);
        const before = await snapshotOrg(orgB.owner.orgId);
        expectRefused(await spec.call(orgB.owner.orgSlug, target), /organization not found/i, "other slug");
        expect(await snapshotOrg(orgB.owner.orgId)).toBe(before);
      });

      if (spec.targetsObject) it("answers not found for another organization's object under one's own slug, changing nothing there", async () => {
        session.userId = orgA.owner.userId;
        const target = await spec.target(orgB);
        const before = await snapshotOrg(orgB.owner.orgId);
        expectRefused(await spec.call(orgA.owner.orgSlug, target), /not found|does not exist/i, "other org's object");
        expect(await snapshotOrg(orgB.owner.orgId)).toBe(before);
      });
    });
  }
});
