import { toUnits } from "@/lib/format/decimal";
import { INFERENCE_SHARE_BENCHMARK_PCT as SHARE_BENCHMARK } from "@/lib/margins/margin-arithmetic";

/** SPEC 7's gross-margin benchmarks, in percent: AI companies run at 50–60 %, SaaS at 70–90 %. */
export const AI_MARGIN_BENCHMARK = { low: "50", high: "60" } as const;
export const SAAS_MARGIN_BENCHMARK = { low: "70", high: "90" } as const;
/** SPEC 7: inference cost as a share of revenue for scaling AI companies, in percent. */
export const INFERENCE_SHARE_BENCHMARK_PCT = String(SHARE_BENCHMARK);

/** Where a gross margin sits against the two benchmark bands. */
export type MarginBand = "no_revenue" | "below_ai" | "ai" | "between" | "saas" | "above_saas";

/** The band, the sentence the report prints, and the tone it is shown in. */
export type MarginVerdict = { band: MarginBand; gross_margin_pct: string | null; text: string; tone: "red" | "yellow" | "green" | "neutral" };

const BAND_TEXT: Record<MarginBand, { text: string; tone: MarginVerdict["tone"] }> = {
  no_revenue: { text: "No revenue recorded for the period: enter revenue to measure the margin.", tone: "neutral" },
  below_ai: { text: "Below the 50–60% typical of AI companies: inference eats into the margin.", tone: "red" },
  ai: { text: "Within the 50–60% typical of AI companies, below the 70–90% of SaaS.", tone: "yellow" },
  between: { text: "Above the 50–60% AI benchmark, short of the 70–90% SaaS range.", tone: "yellow" },
  saas: { text: "Within the 70–90% SaaS range.", tone: "green" },
  above_saas: { text: "Above the 70–90% SaaS range.", tone: "green" },
};

/**
 * Places a gross margin (percent, decimal string) against the benchmarks. Bands include both their
 * ends (50 and 60 are AI-level, 70 and 90 SaaS-level); 60–70 exclusive is "between".
 */
export function marginVerdict(grossMarginPct: string | null): MarginVerdict {
  const band = marginBand(grossMarginPct);
  return { band, gross_margin_pct: grossMarginPct, ...BAND_TEXT[band] };
}

function marginBand(pct: string | null): MarginBand {
  if (pct === null) return "no_revenue";
  const units = toUnits(pct);
  if (units < toUnits(AI_MARGIN_BENCHMARK.low)) return "below_ai";
  if (units <= toUnits(AI_MARGIN_BENCHMARK.high)) return "ai";
  if (units < toUnits(SAAS_MARGIN_BENCHMARK.low)) return "between";
  if (units <= toUnits(SAAS_MARGIN_BENCHMARK.high)) return "saas";
  return "above_saas";
}

/** True when inference costs more than the 23 %-of-revenue benchmark; null without revenue. */
export function inferenceShareAboveBenchmark(sharePct: string | null): boolean | null {
  return sharePct === null ? null : toUnits(sharePct) > toUnits(INFERENCE_SHARE_BENCHMARK_PCT);
}
