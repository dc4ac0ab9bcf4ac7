import type { BoardReport } from "./board-report";
import { marginVerdict } from "./margin-benchmark";
import { monthsEndingAt, shortMonthLabel } from "./prepare-spend-trend";

/** A hand-made board report for the pure tests (headlines, CSV, PDF): October 2026, closed. */
export function boardReportFixture(overrides: Partial<BoardReport> = {}): BoardReport {
  const spend = ["812.4", "905.1", "1022.75", "1110", "1284.5", "1342.18"];
  return {
    org: { name: "Acme Analytics", slug: "acme", time_zone: "Europe/Paris" },
    period: { label: "2026-10", kind: "month", title: "October 2026", first_date: "2026-10-01", last_date: "2026-10-31", previous_label: "2026-09", previous_title: "September 2026", is_current: false },
    generated_at: "2026-11-24T07:00:00.000Z",
    summary: {
      ai_spend_usd: "1342.1800000000",
      previous_ai_spend_usd: "1284.5000000000",
      ai_spend_change_pct: "4.4904",
      revenue_usd: "48250.0000000000",
      gross_margin_usd: "46907.8200000000",
      gross_margin_pct: "97.2183",
      inference_share_pct: "2.7817",
      inference_share_benchmark_pct: "23",
      forecast_usd: null,
      budgets: { red: 1, yellow: 1, green: 2 },
      shadow_ai_outside_usd: "460.0000000000",
      open_findings: 2,
      open_findings_usd: "1380.0000000000",
      savings_monthly_usd: "214.3300000000",
    },
    margin: {
      verdict: marginVerdict("97.2183"),
      features: [
        { feature: "search", revenue_usd: "30000", inference_cost_usd: "900.18", gross_margin_pct: "96.9994", inference_share_of_revenue_pct: "3.0006" },
        { feature: "chat", revenue_usd: "18250", inference_cost_usd: "442", gross_margin_pct: "97.5781", inference_share_of_revenue_pct: "2.4219" },
      ],
    },
    trend: monthsEndingAt("2026-10", 6).map((month, i) => ({ month, label: shortMonthLabel(month), spend_usd: `${spend[i]}`, forecast_usd: null, partial: false })),
    budgets: [
      { name: "Chat monthly", level: "red", spend_usd: "1210", amount_usd: "1000", forecast_usd: "1450", reason: "Spend is 121% of the amount" },
      { name: "Search monthly", level: "yellow", spend_usd: "850", amount_usd: "1000", forecast_usd: "990", reason: "Spend is 85% of the amount" },
      { name: "Org quarterly", level: "green", spend_usd: "2000", amount_usd: "6000", forecast_usd: null, reason: "Spend is 33% of the amount" },
      { name: "Team data", level: "green", spend_usd: "10", amount_usd: "500", forecast_usd: null, reason: "Spend is 2% of the amount" },
    ],
    risks: [
      { kind: "budget", title: 'Budget "Chat monthly" is red', detail: "$1,210 of $1,000.00. Spend is 121% of the amount", amount_usd: "1210" },
      { kind: "anomaly", title: 'Cost spike in feature "chat" on 2026-10-14', detail: "More calls than usual", amount_usd: "96.5" },
      { kind: "shadow_ai", title: "ChatGPT paid outside governance", detail: "AI tool paid outside governance", amount_usd: "1200" },
    ],
    levers: [
      { id: "route-search", title: "Route 50% of search's gpt-4o calls to gpt-4o-mini", detail: "Same provider, cheaper tier", monthly_saving_usd: "180.0000000000", basis: "October usage" },
      { id: "cache-chat", title: "Cache 30% of input tokens on claude-sonnet", detail: "Repeated system prompts", monthly_saving_usd: "34.3300000000", basis: "October usage" },
    ],
    ...overrides,
  };
}
