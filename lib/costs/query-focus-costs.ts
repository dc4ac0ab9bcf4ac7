import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { toCsv, type CsvCell } from "@/lib/csv/to-csv";
import { dimensionLabel, measuresOf, selectCostRows } from "./query-costs";
import type { CostDimension, CostQuery } from "./schemas";
import { formatFocusDateTime } from "./zoned-time";

/** FOCUS v1.2 columns written, FOCUS columns first, then `x_` extensions (FOCUS requires that order). */
export const FOCUS_COLUMNS = [
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ContractedCost",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "PricingCategory",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "ResourceId",
  "ResourceName",
  "ResourceType",
  "ServiceCategory",
  "ServiceName",
  "ServiceSubcategory",
] as const;

/** Marginal's own columns, prefixed `x_` as FOCUS asks of custom columns. */
export const FOCUS_EXTENSION_COLUMNS = [
  "x_Feature",
  "x_Team",
  "x_Customer",
  "x_Workflow",
  "x_Environment",
  "x_Events",
  "x_InputTokens",
  "x_OutputTokens",
  "x_CachedInputTokens",
  "x_ReasoningTokens",
  "x_UnpricedEvents",
] as const;

const EXTENSION_BY_DIMENSION: Partial<Record<CostDimension, (typeof FOCUS_EXTENSION_COLUMNS)[number]>> = {
  feature: "x_Feature",
  team: "x_Team",
  customer: "x_Customer",
  workflow: "x_Workflow",
  environment: "x_Environment",
};

const utc = (text: string) => `${text}Z`;
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The costs as a FOCUS v1.2 CSV. Rows always group by provider and model (ServiceName and
 * ProviderName are mandatory) plus the requested dimensions, and split at local month starts so
 * every charge period lies inside its billing period (the organization's month), clipped to the range.
 */
export async function queryFocusCostsCsv(ctx: OrgContext, query: CostQuery): Promise<string> {
  const dimensions: CostDimension[] = ["provider", "model", ...query.groupBy.filter((d) => d !== "provider" && d !== "model")];
  const { rows } = await selectCostRows(ctx, query, dimensions, true);
  const rangeStart = formatFocusDateTime(query.from);
  const rangeEnd = formatFocusDateTime(query.to);
  const lines = rows.map((row) => {
    const measures = measuresOf(row);
    const provider = row.d0 ?? "";
    const model = row.d1 ?? "";
    const labels: Partial<Record<CostDimension, string>> = {};
    dimensions.forEach((dimension, i) => {
      labels[dimension] = dimensionLabel(row[`d${i}`]);
    });
    const monthStart = utc(row.month_start_utc!);
    const monthEnd = utc(row.month_end_utc!);
    const tokens = measures.input_tokens + measures.output_tokens;
    const attribution = (["feature", "team", "customer", "workflow", "environment"] as const)
      .filter((d) => labels[d] !== undefined)
      .map((d) => `${d} ${labels[d]}`);
    const cells: Record<string, CsvCell> = {
      // Marginal tracks what each call cost as priced (reported by the caller, or the price table
      // with the organization's negotiated overrides already applied) and has no separate list
      // price, amortized commitment or invoice line per call, so all four costs are that amount.
      BilledCost: measures.cost_usd,
      EffectiveCost: measures.cost_usd,
      ListCost: measures.cost_usd,
      ContractedCost: measures.cost_usd,
      BillingAccountId: ctx.orgId,
      BillingAccountName: ctx.orgName,
      BillingCurrency: "USD",
      BillingPeriodStart: monthStart,
      BillingPeriodEnd: monthEnd,
      ChargeCategory: "Usage",
      ChargeClass: null,
      ChargeDescription: `${model} (${provider}) inference${attribution.length > 0 ? `, ${attribution.join(", ")}` : ""}`,
      ChargeFrequency: "Usage-Based",
      ChargePeriodStart: later(later(utc(row.period_utc!), monthStart), rangeStart),
      ChargePeriodEnd: earlier(earlier(utc(row.period_end_utc!), monthEnd), rangeEnd),
      ConsumedQuantity: tokens,
      ConsumedUnit: "Token",
      PricingCategory: "Standard",
      PricingQuantity: tokens,
      PricingUnit: "Token",
      ProviderName: provider,
      PublisherName: provider,
      InvoiceIssuerName: provider,
      ResourceId: model,
      ResourceName: model,
      ResourceType: "Model",
      ServiceCategory: "AI and Machine Learning",
      ServiceSubcategory: "Generative AI",
      ServiceName: model,
      x_Events: measures.events,
      x_InputTokens: measures.input_tokens,
      x_OutputTokens: measures.output_tokens,
      x_CachedInputTokens: measures.cached_input_tokens,
      x_ReasoningTokens: measures.reasoning_tokens,
      x_UnpricedEvents: measures.unpriced_events,
    };
    for (const [dimension, column] of Object.entries(EXTENSION_BY_DIMENSION) as [CostDimension, string][]) {
      cells[column] = labels[dimension] ?? null;
    }
    return [...FOCUS_COLUMNS, ...FOCUS_EXTENSION_COLUMNS].map((column) => cells[column]);
  });
  return toCsv([...FOCUS_COLUMNS, ...FOCUS_EXTENSION_COLUMNS], lines);
}
