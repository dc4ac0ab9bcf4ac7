import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, queryRaw } from "@/lib/db";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { formatUsdTotal } from "@/lib/format/format-money";
import { AI_VENDOR_CATALOG } from "./ai-vendor-catalog";
import { monthInZone, subscriptionMonthlySpend } from "./subscription-spend";

export const FINDING_KINDS = ["unsanctioned_tool", "duplicate_spend", "unattributed_api_spend", "unknown_key_or_project"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The gap between billed and tracked cost that makes a finding: over max($50, 10% of the bill). */
export const UNATTRIBUTED_MIN_USD = "50";
export const UNATTRIBUTED_MIN_SHARE = 0.1;

type EvidenceRef = { type: "expense" | "subscription" | "billed_cost" | "reconciliation"; id: string; date: string; amountUsd: string; label: string };

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
const catalogById = new Map(AI_VENDOR_CATALOG.map((v) => [v.id, v]));
// "Midjourney", "GitHub Copilot", "OpenAI ChatGPT Plus / Pro": the vendor only when the product does not start with it.
const firstWord = (text: string) => text.split(/[\s(]/)[0].toLowerCase();
const productName = new Map(AI_VENDOR_CATALOG.map((v) => [v.id, firstWord(v.product) === firstWord(v.vendor) ? v.product : `${v.vendor} ${v.product}`.trim()]));

// A dated amount; a subscription is one line per month it is counted in (dated the 1st), so
// monthly totals, first and last seen come out of the same sums as for card lines.
const BILL_VENDOR_NAMES: Record<string, string> = { openai: "OpenAI", anthropic: "Anthropic" };
const billVendorName = (vendor: string) => BILL_VENDOR_NAMES[vendor] ?? vendor;

type Line = { id: string; date: Date; amountUsd: string; person: string | null; label: string; type: EvidenceRef["type"] };

function toEvidence(l: Line): EvidenceRef {
  return { type: l.type, id: l.id, date: l.date.toISOString().slice(0, 10), amountUsd: l.amountUsd, label: l.label };
}

function aggregate(kind: FindingKind, key: string, title: string, lines: Line[], evidence: EvidenceRef[] = lines.map(toEvidence)): ComputedFinding {
  const monthly = new Map<string, bigint>();
  let total = BigInt(0);
  for (const l of lines) {
    const units = toUnits(l.amountUsd);
    total += units;
    // Dates are calendar dates (an expense day, a subscription month, a UTC bill month): no zone applies.
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
    evidence: evidence.slice(0, MAX_EVIDENCE),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** A stored subscription with the months it is counted in (see `subscriptionSpendLines`). */
export type SubscriptionSpend = {
  id: string;
  vendorId: string | null;
  person: string | null;
  label: string;
  months: { month: string; amountUsd: string }[];
};

/**
 * The AI subscriptions of the organization (matched to the catalog), each spread over the months
 * it covers: from its start date's month (without one, the month it was imported in, in the
 * organization's time zone) to the latest month of imported data (the latest expense, vendor-bill
 * or subscription-import month), so the audit depends on stored rows only, never on the day it runs.
 */
export async function readSubscriptionSpend(ctx: Pick<OrgContext, "orgId" | "timeZone">): Promise<SubscriptionSpend[]> {
  const subscriptions = await db.saasSubscription.findMany({ where: { orgId: ctx.orgId, vendorId: { not: null } }, orderBy: [{ vendorName: "asc" }, { id: "asc" }] });
  if (subscriptions.length === 0) return [];
  const [batches, lastExpense, lastBill] = await Promise.all([
    db.importBatch.findMany({ where: { orgId: ctx.orgId, id: { in: [...new Set(subscriptions.map((s) => s.importId))] } }, select: { id: true, createdAt: true } }),
    db.expenseTransaction.findFirst({ where: { orgId: ctx.orgId }, orderBy: { date: "desc" }, select: { date: true } }),
    db.billedCost.findFirst({ where: { orgId: ctx.orgId }, orderBy: { month: "desc" }, select: { month: true } }),
  ]);
  const importMonth = new Map(batches.map((b) => [b.id, monthInZone(b.createdAt, ctx.timeZone)]));
  const endMonth = [...importMonth.values(), lastExpense?.date.toISOString().slice(0, 7), lastBill?.month].filter((m): m is string => Boolean(m)).sort().at(-1)!;
  return subscriptions.map((s) => {
    const startMonth = s.startDate ? s.startDate.toISOString().slice(0, 7) : (importMonth.get(s.importId) ?? endMonth);
    const seats = s.seats === null ? "" : ` · ${s.seats} seats`;
    return {
      id: s.id,
      vendorId: s.vendorId,
      person: s.email ?? s.owner,
      label: `${[s.vendorName, s.plan].filter(Boolean).join(" ")}${seats} · ${s.amountUsd.toFixed(2)} USD ${s.billingCycle}`,
      months: subscriptionMonthlySpend({ amountUsd: s.amountUsd.toString(), billingCycle: s.billingCycle, startMonth }, endMonth),
    };
  });
}

function subscriptionLines(s: SubscriptionSpend): Line[] {
  return s.months.map((m) => ({ id: s.id, date: new Date(`${m.month}-01T00:00:00Z`), amountUsd: m.amountUsd, person: s.person, label: s.label, type: "subscription" }));
}

// One evidence row per subscription (not per month): what it cost over the months counted.
function subscriptionEvidence(s: SubscriptionSpend): EvidenceRef {
  const total = s.months.reduce((sum, m) => sum + toUnits(m.amountUsd), BigInt(0));
  return { type: "subscription", id: s.id, date: `${s.months[0].month}-01`, amountUsd: fromUnits(total), label: s.label };
}

/** Every finding the organization's stored rows support now (SPEC 6). Reads only. */
export async function computeShadowAiFindings(ctx: OrgContext): Promise<ComputedFinding[]> {
  const [expenses, sanctioned, billed, subscriptions] = await Promise.all([
    db.expenseTransaction.findMany({ where: { orgId: ctx.orgId, vendorId: { not: null } }, orderBy: [{ date: "asc" }, { id: "asc" }] }),
    db.sanctionedTool.findMany({ where: { orgId: ctx.orgId }, select: { vendorId: true } }),
    db.billedCost.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ date: "asc" }, { id: "asc" }] }),
    readSubscriptionSpend(ctx),
  ]);
  const sanctionedIds = new Set(sanctioned.map((s) => s.vendorId));
  const findings: ComputedFinding[] = [];

  const expensesByVendor = groupBy(expenses, (e) => e.vendorId!);
  // A subscription that starts after the latest month of data costs nothing yet: no evidence either.
  const subscriptionsByVendor = groupBy(
    subscriptions.filter((s) => s.months.length > 0),
    (s) => s.vendorId!,
  );
  const vendorIds = [...new Set([...expensesByVendor.keys(), ...subscriptionsByVendor.keys()])].sort();
  for (const vendorId of vendorIds) {
    const name = productName.get(vendorId) ?? vendorId;
    const cards: Line[] = (expensesByVendor.get(vendorId) ?? []).map((e) => ({ id: e.id, date: e.date, amountUsd: e.amountUsd.toString(), person: e.email ?? e.employee, label: e.merchant, type: "expense" }));
    const subs = subscriptionsByVendor.get(vendorId) ?? [];
    const subLines = subs.flatMap(subscriptionLines);
    if (!sanctionedIds.has(vendorId)) {
      const lines = [...cards, ...subLines].sort((a, b) => a.date.getTime() - b.date.getTime());
      findings.push(aggregate("unsanctioned_tool", `unsanctioned_tool:${vendorId}`, `${name} paid outside governance`, lines, [...cards.map(toEvidence), ...subs.map(subscriptionEvidence)]));
    }
    // Usage-billed APIs are not seats: several people paying them is not a duplicate licence.
    if (catalogById.get(vendorId)?.apiProvider ?? true) continue;
    if (cards.length === 0) continue;
    // A central licence is the sanctioned list's entry or a subscription the company holds: card
    // payments for the same tool beside it are paid twice. The subscriptions are shown, not counted.
    const central = sanctionedIds.has(vendorId) || subs.length > 0;
    const people = new Set(cards.map((l) => l.person));
    const context = subs.map(subscriptionEvidence);
    if (central) {
      const how = sanctionedIds.has(vendorId) ? "licensed centrally" : "bought as a company subscription";
      findings.push(aggregate("duplicate_spend", `duplicate_spend:${vendorId}`, `${name} ${how} and paid on personal cards`, cards, [...cards.map(toEvidence), ...context]));
    } else if (people.size > 1) {
      findings.push(aggregate("duplicate_spend", `duplicate_spend:${vendorId}`, `${name} paid separately by ${people.size} people`, cards));
    }
  }

  // Reconciliation: billed minus tracked, per vendor and UTC month. Vendor buckets are UTC days, so
  // tracked cost is summed by UTC hour (the daily roll-ups are local days and would straddle months).
  const billedByVendorMonth = groupBy(billed, (b) => `${b.vendor}|${b.month}`);
  if (billedByVendorMonth.size > 0) {
    const months = [...new Set(billed.map((b) => b.month))].sort();
    const tracked = await queryRaw<{ provider: string; month: string; cost: string }>(
      `SELECT provider, to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM') AS month, SUM("costUsd")::text AS cost
         FROM "CostRollupHourly"
        WHERE "orgId" = $1 AND provider = ANY($2::text[]) AND hour >= $3::timestamptz AND hour < ($4::timestamptz + interval '1 month')
        GROUP BY 1, 2`,
      [ctx.orgId, [...new Set(billed.map((b) => b.vendor))], `${months[0]}-01T00:00:00Z`, `${months[months.length - 1]}-01T00:00:00Z`],
    );
    const trackedUnits = new Map(tracked.map((t) => [`${t.provider}|${t.month}`, toUnits(t.cost)]));
    for (const [vendorMonth, rows] of billedByVendorMonth) {
      const [vendor, month] = vendorMonth.split("|");
      const billedUnits = rows.reduce((sum, r) => sum + toUnits(r.amountUsd.toString()), BigInt(0));
      const trackedSum = trackedUnits.get(vendorMonth) ?? BigInt(0);
      const gap = billedUnits - trackedSum;
      const shareThreshold = (BigInt(Math.round(UNATTRIBUTED_MIN_SHARE * 1000)) * billedUnits) / BigInt(1000);
      const threshold = shareThreshold > toUnits(UNATTRIBUTED_MIN_USD) ? shareThreshold : toUnits(UNATTRIBUTED_MIN_USD);
      if (gap <= threshold) continue;
      const day = new Date(`${month}-01T00:00:00Z`);
      const finding = aggregate("unattributed_api_spend", `unattributed_api_spend:${vendor}:${month}`, `${billVendorName(vendor)} billed ${formatUsdTotal(fromUnits(gap))} more than tracked in ${month}`, [
        { id: `${vendor}:${month}`, date: day, amountUsd: fromUnits(gap), person: null, label: `billed ${fromUnits(billedUnits)} − tracked ${fromUnits(trackedSum)}`, type: "reconciliation" },
      ]);
      finding.firstSeen = rows[0].date;
      finding.lastSeen = rows[rows.length - 1].date;
      finding.evidence.push(...rows.slice(0, MAX_EVIDENCE - 1).map((r) => ({ type: "billed_cost" as const, id: r.id, date: r.date.toISOString().slice(0, 10), amountUsd: r.amountUsd.toString(), label: r.lineItem ?? r.rowRef })));
      findings.push(finding);
    }
  }

  // Unknown keys and projects: ids on the bill that no tracked event names in any tag value.
  const ids = billed.flatMap((b) => [...(b.project ? [{ kind: "project", id: b.project, row: b }] : []), ...(b.apiKeyId ? [{ kind: "api_key", id: b.apiKeyId, row: b }] : [])]);
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
      findings.push(aggregate("unknown_key_or_project", `unknown_key_or_project:${key}`, `${billVendorName(row.vendor)} ${kind === "project" ? (row.vendor === "anthropic" ? "workspace" : "project") : "API key"} ${id} is not known to Marginal`, lines));
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
