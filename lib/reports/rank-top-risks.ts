import { toUnits } from "@/lib/format/decimal";
import { formatUsdTotal } from "@/lib/format/format-money";

/** How many risks of each kind the report lists. */
export const RISKS_PER_KIND = 3;

/** One line of the report's top risks. */
export type RiskItem = {
  kind: "budget" | "anomaly" | "shadow_ai";
  title: string;
  detail: string;
  /** The money at stake: a red budget's spend, a spike's excess over its usual day, a finding's total. */
  amount_usd: string;
};

type RedBudget = { name: string; level: string; spend_usd: string; amount_usd: string; reason: string };
type Spike = { dimension: "feature" | "workflow"; value: string; date: string; excessUsd: string; cause: { detail: string } };
type OpenFinding = { kind: string; title: string; total_usd: string; status: string };

const FINDING_KIND_WORDS: Record<string, string> = {
  unsanctioned_tool: "AI tool paid outside governance",
  duplicate_spend: "The same tool paid more than once",
  unattributed_api_spend: "API spend billed but not tracked",
  unknown_key_or_project: "Spend on an unknown key or project",
};

const byAmountDesc = <T>(amount: (item: T) => bigint, name: (item: T) => string) => (a: T, b: T) => {
  const d = amount(b) - amount(a);
  return d > BigInt(0) ? 1 : d < BigInt(0) ? -1 : name(a).localeCompare(name(b));
};

/**
 * The report's top risks (SPEC 7): red budgets (furthest over their amount first), the period's
 * cost spikes (largest excess first) and open shadow-AI findings (largest first), at most
 * `perKind` of each, in that order. Yellow and green budgets and handled findings are not risks.
 */
export function rankTopRisks(input: { budgets: readonly RedBudget[]; anomalies: readonly Spike[]; findings: readonly OpenFinding[] }, perKind = RISKS_PER_KIND): RiskItem[] {
  // Spend over amount, compared as a cross product so no division rounds.
  const overrun = (b: RedBudget) => (toUnits(b.spend_usd) * BigInt(1_000_000)) / (toUnits(b.amount_usd) > BigInt(0) ? toUnits(b.amount_usd) : BigInt(1));
  const budgets = input.budgets
    .filter((b) => b.level === "red")
    .sort(byAmountDesc(overrun, (b) => b.name))
    .slice(0, perKind)
    .map<RiskItem>((b) => ({
      kind: "budget",
      title: `Budget "${b.name}" is red`,
      detail: `${formatUsdTotal(b.spend_usd)} of ${formatUsdTotal(b.amount_usd)}. ${b.reason}`,
      amount_usd: b.spend_usd,
    }));
  const spikes = [...input.anomalies]
    .sort(byAmountDesc((a) => toUnits(a.excessUsd), (a) => `${a.date} ${a.value}`))
    .slice(0, perKind)
    .map<RiskItem>((a) => ({
      kind: "anomaly",
      title: `Cost spike in ${a.dimension} "${a.value}" on ${a.date}`,
      detail: a.cause.detail,
      amount_usd: a.excessUsd,
    }));
  const findings = input.findings
    .filter((f) => f.status === "open")
    .sort(byAmountDesc((f) => toUnits(f.total_usd), (f) => f.title))
    .slice(0, perKind)
    .map<RiskItem>((f) => ({ kind: "shadow_ai", title: f.title, detail: FINDING_KIND_WORDS[f.kind] ?? "Shadow AI finding", amount_usd: f.total_usd }));
  return [...budgets, ...spikes, ...findings];
}
