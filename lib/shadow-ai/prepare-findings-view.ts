import { fromUnits, toUnits } from "@/lib/format/decimal";
import { AI_VENDOR_CATALOG } from "./ai-vendor-catalog";
import { FINDING_KIND_VALUES, FINDING_STATUS_VALUES } from "./finding-labels";
import type { FindingKind } from "./run-audit";
import type { FindingStatus } from "./schemas";


/** One evidence row of a finding, as the detail page lists it. */
export type FindingEvidenceRow = { type: "expense" | "subscription" | "billed_cost" | "reconciliation"; id: string; date: string; amountUsd: string; label: string };
export type FindingMonthRow = { month: string; amountUsd: string };

const EVIDENCE_TYPES = new Set(["expense", "subscription", "billed_cost", "reconciliation"]);
const DECIMAL = /^-?\d+(\.\d+)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A finding's stored JSON (monthly spend, people, evidence) read defensively: rows that do not
 * have the audit's shape are left out rather than shown half-broken.
 */
export function readFindingParts(finding: { monthly_usd: unknown; people: unknown; evidence: unknown }): {
  monthly: FindingMonthRow[];
  people: string[];
  evidence: FindingEvidenceRow[];
} {
  const monthly = (Array.isArray(finding.monthly_usd) ? finding.monthly_usd : []).flatMap((m) =>
    isRecord(m) && typeof m.month === "string" && typeof m.amountUsd === "string" && DECIMAL.test(m.amountUsd) ? [{ month: m.month, amountUsd: m.amountUsd }] : [],
  );
  const people = (Array.isArray(finding.people) ? finding.people : []).filter((p): p is string => typeof p === "string");
  const evidence = (Array.isArray(finding.evidence) ? finding.evidence : []).flatMap((e) =>
    isRecord(e) &&
    typeof e.type === "string" &&
    EVIDENCE_TYPES.has(e.type) &&
    typeof e.id === "string" &&
    typeof e.date === "string" &&
    typeof e.amountUsd === "string" &&
    DECIMAL.test(e.amountUsd) &&
    typeof e.label === "string"
      ? [{ type: e.type as FindingEvidenceRow["type"], id: e.id, date: e.date, amountUsd: e.amountUsd, label: e.label }]
      : [],
  );
  return { monthly, people, evidence };
}

/** How many findings are open and their exact total. */
export function summarizeOpenFindings(findings: readonly { status: string; total_usd: string }[]): { count: number; totalUsd: string } {
  const open = findings.filter((f) => f.status === "open");
  return { count: open.length, totalUsd: fromUnits(open.reduce((sum, f) => sum + toUnits(f.total_usd), BigInt(0))) };
}

const catalogById = new Map(AI_VENDOR_CATALOG.map((v) => [v.id, v]));

/**
 * The catalog tool a finding is about, when sanctioning it is the fix (unsanctioned tool,
 * duplicate spend): its id and name; null for other kinds or ids no longer in the catalog.
 */
export function sanctionableTool(finding: { kind: string; key: string }): { vendorId: string; name: string } | null {
  if (finding.kind !== "unsanctioned_tool" && finding.kind !== "duplicate_spend") return null;
  const vendorId = finding.key.slice(finding.kind.length + 1);
  const entry = catalogById.get(vendorId);
  return entry ? { vendorId, name: `${entry.vendor} ${entry.product}`.trim() } : null;
}

function pick<T extends string>(raw: string | string[] | undefined, allowed: readonly T[]): T[] {
  const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(","));
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

/** The findings filters from the URL (`?status=open&kind=duplicate_spend`); unknown values are ignored. */
export function parseFindingFilters(search: Record<string, string | string[] | undefined>): { status: FindingStatus[]; kind: FindingKind[] } {
  return { status: pick(search.status, FINDING_STATUS_VALUES), kind: pick(search.kind, FINDING_KIND_VALUES) };
}
