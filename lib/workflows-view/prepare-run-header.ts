import type { CsvCell } from "@/lib/csv/to-csv";
import { formatUsdUnit } from "@/lib/format/format-money";
import type { RunDetail } from "@/lib/runs/get-run";
import { divideUsd } from "@/lib/runs/decimal-units";
import { formatMs } from "./prepare-waterfall";

/** One figure of the run header. */
export type RunFigure = { label: string; value: string; testId: string };

const started = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** The run page's header figures, in display order. */
export function prepareRunHeader(run: RunDetail): RunFigure[] {
  const perStep = divideUsd(run.cost_usd, run.steps);
  return [
    { label: "Outcome", value: run.outcome ?? "no outcome", testId: "run-outcome" },
    { label: "Started", value: run.started_at ? `${started.format(new Date(run.started_at))} UTC` : "–", testId: "run-started" },
    { label: "Duration", value: formatMs(run.duration_ms), testId: "run-duration" },
    { label: "Steps", value: String(run.steps), testId: "run-steps" },
    { label: "Errors", value: String(run.errors), testId: "run-errors" },
    { label: "Total cost", value: formatUsdUnit(run.cost_usd), testId: "run-cost" },
    { label: "Cost per step", value: perStep === null ? "–" : formatUsdUnit(perStep), testId: "run-cost-per-step" },
  ];
}

export const CALLS_CSV_HEADER = [
  "call_id", "timestamp", "offset_ms", "latency_ms", "provider", "model", "operation", "step", "status",
  "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "cost_usd",
];

/** The run's calls as CSV cells: exact decimals and ISO times. */
export function callsCsvRows(run: RunDetail): CsvCell[][] {
  return run.calls.map((c) => [
    c.id, c.timestamp, c.offset_ms, c.latency_ms, c.provider, c.model, c.operation, c.step, c.status,
    c.input_tokens, c.output_tokens, c.cached_input_tokens, c.reasoning_tokens, c.cost_usd,
  ]);
}
