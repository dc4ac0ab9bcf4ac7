import type { BudgetLevel } from "@/lib/budgets/schemas";
import type { MarginVerdict } from "./margin-benchmark";
import type { RiskItem } from "./rank-top-risks";
import type { TrendPoint } from "./prepare-spend-trend";

/*
 * The board report as one plain object (SPEC 7): what the page, the PDF and the CSV all show.
 * Amounts are exact decimal strings; percentages are decimal strings in percent ("62.5" = 62.5 %),
 * null when there is nothing to divide by. Client-safe: no server imports.
 */

/** A savings lever as the what-if tools estimate it. */
export type BoardLever = { id: string; title: string; detail: string; monthly_saving_usd: string; basis: string };

/** One budget's light, as of its last evaluation. */
export type BoardBudget = { name: string; level: BudgetLevel; spend_usd: string; amount_usd: string; forecast_usd: string | null; reason: string };

/** One feature's margin in the period. */
export type BoardFeatureMargin = { feature: string; revenue_usd: string; inference_cost_usd: string; gross_margin_pct: string | null; inference_share_of_revenue_pct: string | null };

/** Everything the board report shows for one month or quarter. */
export type BoardReport = {
  org: { name: string; slug: string; time_zone: string };
  period: {
    /** `2026-10` or `2026-Q4`. */
    label: string;
    kind: "month" | "quarter";
    /** "October 2026" or "Q4 2026 (Oct–Dec)". */
    title: string;
    /** First and last local dates, `YYYY-MM-DD`. */
    first_date: string;
    last_date: string;
    previous_label: string;
    /** "September 2026" or "Q3 2026 (Jul–Sep 2026)". */
    previous_title: string;
    /** True while the period is still running: spend is to date and a forecast is shown. */
    is_current: boolean;
  };
  generated_at: string;
  summary: {
    ai_spend_usd: string;
    previous_ai_spend_usd: string;
    /** Change against the previous period in percent; null when the previous period had no spend. */
    ai_spend_change_pct: string | null;
    revenue_usd: string;
    gross_margin_usd: string;
    gross_margin_pct: string | null;
    inference_share_pct: string | null;
    inference_share_benchmark_pct: string;
    /** Spend forecast to the end of the period; null for a closed period or without history. */
    forecast_usd: string | null;
    budgets: Record<BudgetLevel, number>;
    /** AI spend outside governance (unsanctioned tools + billed but untracked API spend) in the period's months. */
    shadow_ai_outside_usd: string;
    open_findings: number;
    open_findings_usd: string;
    /** Sum of the savings levers' estimated monthly value. */
    savings_monthly_usd: string;
  };
  margin: { verdict: MarginVerdict; features: BoardFeatureMargin[] };
  trend: TrendPoint[];
  budgets: BoardBudget[];
  risks: RiskItem[];
  levers: BoardLever[];
};
