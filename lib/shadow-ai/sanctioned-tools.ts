import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { AI_VENDOR_CATALOG } from "./ai-vendor-catalog";
import { runShadowAiAudit } from "./run-audit";
import { sanctionToolSchema } from "./schemas";

/** A sanctioned tool as the API answers it, with its catalog names. */
export type SanctionedToolView = { vendor_id: string; vendor: string; product: string; note: string | null; licenses: number | null; created_at: string };

const catalogById = new Map(AI_VENDOR_CATALOG.map((v) => [v.id, v]));

function toView(t: { vendorId: string; note: string | null; licenses: number | null; createdAt: Date }): SanctionedToolView {
  const entry = catalogById.get(t.vendorId);
  return { vendor_id: t.vendorId, vendor: entry?.vendor ?? t.vendorId, product: entry?.product ?? "", note: t.note, licenses: t.licenses, created_at: t.createdAt.toISOString() };
}

/** The organization's approved tools and central licenses. */
export async function listSanctionedTools(ctx: OrgContext): Promise<SanctionedToolView[]> {
  authorizeOrThrow(ctx, "read");
  return (await db.sanctionedTool.findMany({ where: { orgId: ctx.orgId }, orderBy: { vendorId: "asc" } })).map(toView);
}

/** Approves a catalog entry (or updates its note and licenses), audited; re-runs the audit. */
export async function sanctionTool(ctx: OrgContext, input: unknown): Promise<SanctionedToolView> {
  authorizeOrThrow(ctx, "manage_shadow_ai");
  const { vendor_id, note, licenses } = parseOrThrow(sanctionToolSchema, input);
  if (!catalogById.has(vendor_id)) {
    throw new AppError("INVALID_INPUT", `'${vendor_id}' is not in the AI vendor catalog`, { issues: [{ path: "vendor_id", message: "is not a catalog id (e.g. openai-chatgpt-team)" }] });
  }
  const row = await db.$transaction(async (tx) => {
    const data = { note: note ?? null, licenses: licenses ?? null };
    const saved = await tx.sanctionedTool.upsert({ where: { orgId_vendorId: { orgId: ctx.orgId, vendorId: vendor_id } }, create: { orgId: ctx.orgId, vendorId: vendor_id, ...data }, update: data });
    await recordAudit(tx, ctx, { action: "sanctioned_tool.upsert", targetType: "sanctioned_tool", targetId: vendor_id, after: data });
    return saved;
  });
  await runShadowAiAudit(ctx);
  return toView(row);
}

/** Removes a tool from the approved list, audited; re-runs the audit. */
export async function unsanctionTool(ctx: OrgContext, vendorId: string): Promise<void> {
  authorizeOrThrow(ctx, "manage_shadow_ai");
  await db.$transaction(async (tx) => {
    const where = { orgId_vendorId: { orgId: ctx.orgId, vendorId } };
    const before = foundOrThrow(await tx.sanctionedTool.findUnique({ where }), "Sanctioned tool");
    await tx.sanctionedTool.delete({ where });
    await recordAudit(tx, ctx, { action: "sanctioned_tool.delete", targetType: "sanctioned_tool", targetId: vendorId, before: { note: before.note, licenses: before.licenses } });
  });
  await runShadowAiAudit(ctx);
}
