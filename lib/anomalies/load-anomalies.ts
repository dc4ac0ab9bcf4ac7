import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { dimensionLabel } from "@/lib/costs/query-costs";
import { UNTAGGED } from "@/lib/costs/schemas";
import { queryRaw } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { buildDailyModelSql, buildRunDaySql, type DailyModelRow, type RunDayRow } from "./anomaly-sql";
import { anomalyWindow, localDateRange } from "./anomaly-window";
import { findSpikeCandidates, sortAnomalies, toAnomaly, type Anomaly, type AnomalyDimension } from "./find-anomalies";
import type { ModelDay, RunStats } from "./likely-cause";
import { DEFAULT_ANOMALY_DAYS } from "./schemas";

const key = (dimension: AnomalyDimension, value: string) => `${dimension}\n${value}`;

/**
 * The organization's cost spikes per feature and per workflow on each of the last `days` local
 * days (today included, default 7), each against the 28 days before it, largest excess first.
 * One grouped roll-up query for the costs; one grouped `Run` query, only when something spiked,
 * for calls per run and errors. Never reads `Event`.
 */
export async function loadAnomalies(ctx: OrgContext, options: { now?: Date; days?: number } = {}): Promise<Anomaly[]> {
  authorizeOrThrow(ctx, "read");
  const days = options.days ?? DEFAULT_ANOMALY_DAYS;
  // The route allows 1–31; callers in the app may look further back (the baseline read grows with it).
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new AppError("INVALID_INPUT", "Invalid input: days: must be a whole number from 1 to 366", { issues: [{ path: "days", message: "must be a whole number from 1 to 366" }] });
  }
  const window = anomalyWindow(options.now ?? new Date(), ctx.timeZone, days);
  const sql = buildDailyModelSql({ orgId: ctx.orgId, timeZone: ctx.timeZone, from: window.from, to: window.to });
  const rows = await queryRaw<DailyModelRow>(sql.text, sql.params);

  const series = new Map<string, { dimension: AnomalyDimension; value: string; days: Map<string, ModelDay[]> }>();
  for (const row of rows) {
    const dimension: AnomalyDimension = Number(row.by_workflow) === 1 ? "workflow" : "feature";
    const value = dimension === "workflow" ? row.workflow! : dimensionLabel(row.feature);
    const k = key(dimension, value);
    let s = series.get(k);
    if (!s) series.set(k, (s = { dimension, value, days: new Map() }));
    const day = s.days.get(row.day) ?? [];
    day.push({ model: row.model, calls: Number(row.calls), tokens: row.tokens, costUsd: row.cost_usd });
    s.days.set(row.day, day);
  }

  const candidates = findSpikeCandidates([...series.values()], window.dates);
  if (candidates.length === 0) return [];

  const runs = await loadRunDays(ctx, candidates);
  return sortAnomalies(candidates.map((c) => toAnomaly(c, series.get(key(c.dimension, c.value))!, runs.get(key(c.dimension, c.value)) ?? new Map())));
}

/** Runs per local day for the spiking series, over their baselines and spike days. */
async function loadRunDays(ctx: OrgContext, candidates: ReturnType<typeof findSpikeCandidates>): Promise<Map<string, Map<string, RunStats>>> {
  const dates = candidates.flatMap((c) => [c.date, ...c.historyDates]).sort();
  const { from, to } = localDateRange(dates[0], dates[dates.length - 1], ctx.timeZone);
  const workflows = [...new Set(candidates.filter((c) => c.dimension === "workflow").map((c) => c.value))];
  const features = [...new Set(candidates.filter((c) => c.dimension === "feature").map((c) => (c.value === UNTAGGED ? "" : c.value)))];
  const sql = buildRunDaySql({ orgId: ctx.orgId, timeZone: ctx.timeZone, from, to, workflows, features });
  const rows = await queryRaw<RunDayRow>(sql.text, sql.params);
  const wanted = new Set([...workflows.map((w) => key("workflow", w)), ...features.map((f) => key("feature", dimensionLabel(f)))]);
  const out = new Map<string, Map<string, RunStats>>();
  for (const row of rows) {
    const dimension: AnomalyDimension = Number(row.by_workflow) === 1 ? "workflow" : "feature";
    const k = key(dimension, dimension === "workflow" ? row.workflow! : dimensionLabel(row.feature));
    if (!wanted.has(k)) continue;
    const byDate = out.get(k) ?? new Map<string, RunStats>();
    byDate.set(row.day, { runs: Number(row.runs), steps: Number(row.steps), errors: Number(row.errors) });
    out.set(k, byDate);
  }
  return out;
}
