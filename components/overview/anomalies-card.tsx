import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Anomaly } from "@/lib/anomalies/find-anomalies";
import { formatUsdTotal } from "@/lib/format/format-money";
import { formatLocalDate } from "./format";

const CAUSE: Record<Anomaly["cause"]["kind"], string> = {
  volume: "More calls",
  retries_errors: "Retries / errors",
  tokens_per_call: "More tokens per call",
  model_mix: "Model mix",
  unit_price: "Unit price",
};

/** Spikes of the last days against each feature's and workflow's 28-day baseline (SPEC 5), largest excess first. */
export function AnomaliesCard({ anomalies, base }: { anomalies: Anomaly[]; base: string }) {
  return (
    <Card
      title="Anomalies"
      description="Daily cost per feature and workflow, last 7 days, against the median of the 28 days before"
      actions={
        <CsvExportButton
          filename="anomalies.csv"
          header={["date", "dimension", "value", "cost_usd", "baseline_median_usd", "excess_usd", "ratio", "z_score", "likely_cause", "detail"]}
          rows={anomalies.map((a) => [a.date, a.dimension, a.value, a.costUsd, a.baselineMedianUsd, a.excessUsd, a.ratio, a.zScore, a.cause.kind, a.cause.detail])}
        />
      }
    >
      {anomalies.length === 0 ? (
        <EmptyState title="No anomalies in the last 7 days">Every feature and workflow stayed within its usual range.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {anomalies.map((a) => (
            <li key={`${a.dimension}-${a.value}-${a.date}`} className="py-2.5" data-testid="anomaly">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <p className="text-sm text-slate-900">
                  <span className="text-slate-500">{a.dimension === "feature" ? "Feature" : "Workflow"}</span>{" "}
                  <Link href={`${base}/${a.dimension === "feature" ? "features" : "workflows"}/${encodeURIComponent(a.value)}`} className="font-medium hover:underline">
                    {a.value}
                  </Link>{" "}
                  on {formatLocalDate(a.date)}
                </p>
                <p className="text-sm tabular-nums text-red-700">
                  {formatUsdTotal(a.costUsd)} {a.ratio !== null ? <>({a.ratio.toFixed(1)}× usual)</> : <>(usually $0)</>}
                </p>
              </div>
              <p className="mt-0.5 text-xs text-slate-500">
                {CAUSE[a.cause.kind]}: {a.cause.detail} · usual {formatUsdTotal(a.baselineMedianUsd)}, excess {formatUsdTotal(a.excessUsd)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
