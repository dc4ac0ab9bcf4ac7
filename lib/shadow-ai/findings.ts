import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Finding } from "@/lib/db/generated/client";
import { foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import type { FindingKind } from "./run-audit";
import { updateFindingSchema, type FindingStatus } from "./schemas";

/** A finding as the API answers it: money as decimal strings. */
export type FindingView = {
  id: string;
  kind: FindingKind;
  key: string;
  title: string;
  total_usd: string;
  monthly_usd: unknown;
  people: unknown;
  first_seen: string | null;
  last_seen: string | null;
  evidence: unknown;
  owner: string | null;
  status: FindingStatus;
  note: string | null;
  created_at: string;
  updated_at: string;
};

function toView(f: Finding): FindingView {
  return {
    id: f.id,
    kind: f.kind as FindingKind,
    key: f.key,
    title: f.title,
    total_usd: f.totalUsd.toFixed(10),
    monthly_usd: f.monthlyUsd,
    people: f.people,
    first_seen: f.firstSeen?.toISOString() ?? null,
    last_seen: f.lastSeen?.toISOString() ?? null,
    evidence: f.evidence,
    owner: f.owner,
    status: f.status as FindingStatus,
    note: f.note,
    created_at: f.createdAt.toISOString(),
    updated_at: f.updatedAt.toISOString(),
  };
}

/** The organization's findings, largest first, optionally filtered by status and kind. */
export async function listFindings(ctx: OrgContext, filter: { status?: string[]; kind?: string[] } = {}): Promise<FindingView[]> {
  authorizeOrThrow(ctx, "read");
  const rows = await db.finding.findMany({
    where: { orgId: ctx.orgId, ...(filter.status?.length ? { status: { in: filter.status } } : {}), ...(filter.kind?.length ? { kind: { in: filter.kind } } : {}) },
    orderBy: [{ totalUsd: "desc" }, { key: "asc" }],
  });
  return rows.map(toView);
}

/** Changes a finding's status, owner or note (what the audit never overwrites), audited. */
export async function updateFinding(ctx: OrgContext, id: string, input: unknown): Promise<FindingView> {
  authorizeOrThrow(ctx, "manage_shadow_ai");
  const change = parseOrThrow(updateFindingSchema, input);
  return db.$transaction(async (tx) => {
    const where = { orgId_id: { orgId: ctx.orgId, id } };
    const before = foundOrThrow(await tx.finding.findUnique({ where }), "Finding");
    const after = await tx.finding.update({ where, data: change });
    await recordAudit(tx, ctx, {
      action: "finding.update",
      targetType: "finding",
      targetId: id,
      before: { status: before.status, owner: before.owner, note: before.note },
      after: { status: after.status, owner: after.owner, note: after.note },
    });
    return toView(after);
  });
}

/** One finding of the organization, for its detail page; NOT_FOUND for another organization's id. */
export async function getFindingOrThrow(ctx: OrgContext, id: string): Promise<FindingView> {
  authorizeOrThrow(ctx, "read");
  return toView(foundOrThrow(await db.finding.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id } } }), "Finding"));
}
