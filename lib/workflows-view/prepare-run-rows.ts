import type { CsvCell } from "@/lib/csv/to-csv";
import { formatUsdUnit } from "@/lib/format/format-money";
import type { RunListItem } from "@/lib/runs/schemas";
import { formatMs } from "./prepare-waterfall";

export type OutcomeTone = "green" | "red" | "yellow" | "neutral";

/** One row of a workflow's run list, decided. */
export type RunRow = {
  runId: string;
  startedAt: string;
  outcome: string;
  outcomeTone: OutcomeTone;
  steps: number;
  errors: number;
  duration: string;
  cost: string;
};

const tones: Record<string, OutcomeTone> = { success: "green", failure: "red", abandoned: "yellow" };
const started = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** The run list's rows in the order the API gave them (cost, dearest first). */
export function prepareRunRows(runs: readonly RunListItem[]): RunRow[] {
  return runs.map((run) => ({
    runId: run.run_id,
    startedAt: `${started.format(new Date(run.started_at))} UTC`,
    outcome: run.outcome ?? "no outcome",
    outcomeTone: run.outcome === null ? "neutral" : (tones[run.outcome] ?? "neutral"),
    steps: run.steps,
    errors: run.errors,
    duration: formatMs(run.duration_ms),
    cost: formatUsdUnit(run.cost_usd),
  }));
}

export const RUNS_CSV_HEADER = ["run_id", "workflow", "started_at", "ended_at", "duration_ms", "steps", "errors", "cost_usd", "input_tokens", "output_tokens", "outcome"];

/** Loaded runs as CSV cells: exact decimals and ISO times. */
export function runsCsvRows(runs: readonly RunListItem[]): CsvCell[][] {
  return runs.map((r) => [r.run_id, r.workflow, r.started_at, r.ended_at, r.duration_ms, r.steps, r.errors, r.cost_usd, r.input_tokens, r.output_tokens, r.outcome]);
}
