import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, queryRaw } from "@/lib/db";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { AI_VENDOR_CATALOG } from "./ai-vendor-catalog";

export const FINDING_KINDS = ["unsanctioned_tool", "duplicate_spend", "unattributed_api_spend", "unknown_key_or_project"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The gap between billed and tracked cost that makes a finding: over max($50, 10% of the bill). */
export const UNATTRIBUTED_MIN_USD = "50";
export const UNATTRIBUTED_MIN_SHARE = 0.1;

type EvidenceRef = { type: "expense" | "billed_cost" | "reconciliation"; id: string; date: string; amountUsd: string; label: string };

/** A finding as the audit computes it, before owner, status and note (which people own). */
export type ComputedFinding = {
  kind: FindingKind;
  key: string;
  title: string;
  totalUsd: string;
  monthlyUsd: { month: string; amountUsd: string }[];
  people: string[];
  firstSeen: Date | null;
  lastSeen: Date | null;
  evidence: EvidenceRef[];
};

const MAX_EVIDENCE = 500;
const productName = new Map(AI_VENDOR_CATALOG.map((v) => [v.id, `${v.vendor} ${v.product}`.trim()]));

type Line = { id: string; date: Date; amountUsd: string; person: string | null; label: string; type: EvidenceRef["type"] };

function aggregate(kind: FindingKind, key: string, title: string, lines: Line[]): ComputedFinding {
  const monthly = new Map<string, bigint>();
  let total = BigInt(0);
  for (const l of lines) {
    const units = toUnits(l.amountUsd);
    total += units;
    const month = l.date.toISOString().slice(0, 7);
    monthly.set(month, (monthly.get(month) ?? BigInt(0)) + units);
  }
  const times = lines.map((l) => l.date.getTime());
  return {
    kind,
    key,
    title,
    totalUsd: fromUnits(total),
    monthlyUsd: [...monthly.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, units]) => ({ month, amountUsd: fromUnits(units) })),
    people: [...new Set(lines.flatMap((l) => (l.person ? [l.person] : [])))].sort(),
    firstSeen: times.length ? new Date(Math.min(...times)) : null,
    lastSeen: times.length ? new Date(Math.max(...times)) : null,
    evidence: lines.slice(0, MAX_EVIDENCE).map((l) => ({ type: l.type, id: l.id, date: l.date.toISOString().slice(0, 10), amountUsd: l.amountUsd, label: l.label })),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** Every finding the organization's stored rows support now (SPEC 6). Reads only. */
export async function computeShadowAiFindings(ctx: OrgContext): Promise<ComputedFinding[]> {
  const [expenses, sanctioned, billed] = await Promise.all([
    db.expenseTransaction.findMany({ where: { orgId: ctx.orgId, vendorId: { not: null } }, orderBy: [{ date: "asc" }, { id: "asc" }] }),
    db.sanctionedTool.findMany({ where: { orgId: ctx.orgId }, select: { vendorId: true } }),
    db.billedCost.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ date: "asc" }, { id: "asc" }] }),
  ]);
  const sanctionedIds = new Set(sanctioned.map((s) => s.vendorId));
  const findings: ComputedFinding[] = [];

  const byVendor = groupBy(expenses, (e) => e.vendorId!);
  for (const [vendorId, rows] of byVendor) {
    const name = productName.get(vendorId) ?? vendorId;
    const lines: Line[] = rows.map((e) => ({ id: e.id, date: e.date, amountUsd: e.amountUsd.toString(), person: e.email ?? e.employee, label: e.merchant, type: "expense" }));
    const people = new Set(lines.map((l) => l.person));
    if (!sanctionedIds.has(vendorId)) findings.push(aggregate("unsanctioned_tool", `unsanctioned_tool:${vendorId}`, `${name} paid outside governance`, lines));
    // Usage-billed APIs are not seats: several people paying them is not a duplicate licence.
    if (rows[0].apiProvider) continue;
    if (sanctionedIds.has(vendorId)) {
      findings.push(aggregate("duplicate_spend", `duplicate_spend:${vendorId}`, `${name} licensed centrally and paid on personal cards`, lines));
    } else if (people.size > 1) {
      findings.push(aggregate("duplicate_spend", `duplicate_spend:${vendorId}`, `${name} paid separately by ${people.size} people`, lines));
    }
  }

  // Reconciliation: billed minus tracked, per vendor and UTC month.
  const billedByVendorMonth = groupBy(billed, (b) => `${b.vendor}|${b.month}`);
  if (billedByVendorMonth.size > 0) {
    const tracked = await queryRaw<{ provider: string; month: string; cost: string }>(
      `SELECT provider, to_char(day AT TIME ZONE 'UTC', 'YYYY-MM') AS month, SUM("costUsd")::text AS cost
         FROM "CostRollupDaily" WHERE "orgId" = $1 GROUP BY 1, 2`,
      [ctx.orgId],
    );
    const trackedUnits = new Map(tracked.map((t) => [`${t.provider}|${t.month}`, toUnits(t.cost)]));
    for (const [vendorMonth, rows] of billedByVendorMonth) {
      const [vendor, month] = vendorMonth.split("|");
      const billedUnits = rows.reduce((sum, r) => sum + toUnits(r.amountUsd.toString()), BigInt(0));
      const trackedSum = trackedUnits.get(vendorMonth) ?? BigInt(0);
      const gap = billedUnits - trackedSum;
      const shareThreshold = BigInt(Math.round(UNATTRIBUTED_MIN_SHARE * 1000)) * billedUnits / BigInt(1000);
      const threshold = shareThreshold > toUnits(UNATTRIBUTED_MIN_USD) ? shareThreshold : toUnits(UNATTRIBUTED_MIN_USD);
      if (gap <= threshold) continue;
      const day = new Date(`${month}-01T00:00:00Z`);
      const finding = aggregate("unattributed_api_spend", `unattributed_api_spend:${vendor}:${month}`, `${vendor} billed ${fromUnits(gap)} USD more than tracked in ${month}`, [
        { id: `${vendor}:${month}`, date: day, amountUsd: fromUnits(gap), person: null, label: `billed ${fromUnits(billedUnits)} − tracked ${fromUnits(trackedSum)}`, type: "reconciliation" },
      ]);
      finding.firstSeen = rows[0].date;
      finding.lastSeen = rows[rows.length - 1].date;
      finding.evidence.push(...rows.slice(0, MAX_EVIDENCE).map((r) => ({ type: "billed_cost" as const, id: r.id, date: r.date.toISOString().slice(0, 10), amountUsd: r.amountUsd.toString(), label: r.lineItem ?? r.rowRef })));
      findings.push(finding);
    }
  }

  // Unknown keys and projects: ids on the bill that no tracked event names in any tag value.
  const ids = billed.flatMap((b) => [
    ...(b.project ? [{ kind: "project", id: b.project, row: b }] : []),
    ...(b.apiKeyId ? [{ kind: "api_key", id: b.apiKeyId, row: b }] : []),
  ]);
  if (ids.length > 0) {
    const known = await queryRaw<{ value: string }>(
      `SELECT DISTINCT t.value FROM "Event" e, jsonb_each_text(e.tags::jsonb) t
        WHERE e."orgId" = $1 AND e.tags IS NOT NULL AND jsonb_typeof(e.tags::jsonb) = 'object' AND t.value = ANY($2::text[])`,
      [ctx.orgId, [...new Set(ids.map((i) => i.id))]],
    );
    const knownIds = new Set(known.map((k) => k.value));
    for (const [key, group] of groupBy(
      ids.filter((i) => !knownIds.has(i.id)),
      (i) => `${i.row.vendor}:${i.kind}:${i.id}`,
    )) {
      const { kind, id, row } = group[0];
      const lines: Line[] = group.map((g) => ({ id: g.row.id, date: g.row.date, amountUsd: g.row.amountUsd.toString(), person: null, label: g.row.lineItem ?? g.row.rowRef, type: "billed_cost" }));
      findings.push(aggregate("unknown_key_or_project", `unknown_key_or_project:${key}`, `${row.vendor} ${kind === "project" ? "project" : "API key"} ${id} is not known to Marginal`, lines));
    }
  }
  return findings;
}

/**
 * Recomputes the organization's findings from its stored rows and upserts them by key: numbers
 * and evidence refresh, owner, status and note are kept. A finding no longer supported is removed
 * when nobody touched it (open, no owner, no note), otherwise kept with zero totals and no evidence.
 */
export async function runShadowAiAudit(ctx: OrgContext): Promise<{ findings: number; removed: number }> {
  const computed = await computeShadowAiFindings(ctx);
  return db.$transaction(async (tx) => {
    const existing = await tx.finding.findMany({ where: { orgId: ctx.orgId }, select: { id: true, key: true, status: true, owner: true, note: true } });
    const computedKeys = new Set(computed.map((f) => f.key));
    let removed = 0;
    for (const f of existing) {
      if (computedKeys.has(f.key)) continue;
      if (f.status === "open" && f.owner === null && f.note === null) {
        await tx.finding.delete({ where: { orgId_id: { orgId: ctx.orgId, id: f.id } } });
        removed += 1;
      } else {
        await tx.finding.update({
          where: { orgId_id: { orgId: ctx.orgId, id: f.id } },
          data: { totalUsd: "0", monthlyUsd: [], people: [], evidence: [] },
        });
      }
    }
    for (const f of computed) {
      const numbers = { title: f.title, totalUsd: f.totalUsd, monthlyUsd: f.monthlyUsd, people: f.people, firstSeen: f.firstSeen, lastSeen: f.lastSeen, evidence: f.evidence };
      await tx.finding.upsert({
        where: { orgId_key: { orgId: ctx.orgId, key: f.key } },
        create: { orgId: ctx.orgId, kind: f.kind, key: f.key, ...numbers },
        update: numbers,
      });
    }
    return { findings: computed.length, removed };
  });
}
