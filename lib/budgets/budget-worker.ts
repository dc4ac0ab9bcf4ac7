import "server-only";
import { deliverDueAlerts, type DeliveryRun } from "@/lib/alerts/deliver-alerts";
import { queryRaw } from "@/lib/db";
import { budgetPeriod } from "./budget-period";
import { evaluateBudgets } from "./evaluate-budgets";
import type { BudgetPeriodKind } from "./schemas";

/**
 * 30 s keeps detection within SPEC 5's 60 s (one interval plus one pass) while a steady load pays
 * for one evaluation of its budgets per 30 s (measured with `npm run bench:ingest -- --budgets 50`).
 */
export const DEFAULT_EVAL_INTERVAL_MS = 30_000;
/** Every organization with budgets is evaluated at least this often, ingest or not (forecasts move with time). */
export const DEFAULT_FULL_EVAL_INTERVAL_MS = 5 * 60_000;

/** What the worker remembers per organization between passes (per process; a restart evaluates everything once). */
export type BudgetWorkerState = {
  orgs: Map<string, { fingerprint: string; dueAt: number }>;
};

/** A new, empty worker memory. */
export function createBudgetWorkerState(): BudgetWorkerState {
  return { orgs: new Map() };
}

type OrgRow = { orgId: string; timeZone: string; periods: BudgetPeriodKind[] };

// Organizations with budgets; the Budget primary key leads with orgId.
const ORGS_SQL = `
SELECT b."orgId", o."timeZone", array_agg(DISTINCT b."period") AS periods
FROM "Budget" b JOIN "Organization" o ON o."id" = b."orgId"
GROUP BY b."orgId", o."timeZone"`;

// Ingest adds to the roll-ups of the days it touches, so the events and cost summed over the
// organization's budget periods change whenever events for them arrive (late ones too) or are
// re-priced. A range scan of the daily roll-ups' (orgId, day, …) key from the start of the longest
// current period (a quarter is ~36,000 rows at 10 million events): no extra work in ingest.
const FINGERPRINT_SQL = `
SELECT coalesce(sum("events"), 0)::text || ':' || coalesce(sum("costUsd"), 0)::text || ':' || count(*)::text AS fingerprint
FROM "CostRollupDaily" WHERE "orgId" = $1 AND "day" >= $2::timestamptz`;

/** What one pass did. */
export type BudgetWorkerPass = { evaluatedOrgs: string[]; alerts: number; delivery: DeliveryRun };

/**
 * One pass of the worker at `now`: evaluates the organizations whose budget periods' roll-ups changed since
 * their last evaluation, whose current period ended, or that were not evaluated for five minutes;
 * then delivers the outbox rows that are due. Tests call this with a fixed `now`.
 */
export async function runBudgetWorkerPass(state: BudgetWorkerState, now: Date = new Date(), options: { fullIntervalMs?: number } = {}): Promise<BudgetWorkerPass> {
  const fullIntervalMs = options.fullIntervalMs ?? DEFAULT_FULL_EVAL_INTERVAL_MS;
  const orgs = await queryRaw<OrgRow>(ORGS_SQL, []);
  const evaluatedOrgs: string[] = [];
  let alerts = 0;
  for (const org of orgs) {
    const periods = parsePeriods(org.periods).map((p) => budgetPeriod(now, p, org.timeZone));
    const since = new Date(Math.min(...periods.map((p) => p.start.getTime())));
    const [{ fingerprint }] = await queryRaw<{ fingerprint: string }>(FINGERPRINT_SQL, [org.orgId, since.toISOString()]);
    const known = state.orgs.get(org.orgId);
    if (known && known.fingerprint === fingerprint && now.getTime() < known.dueAt) continue;
    const results = await evaluateBudgets(org.orgId, now);
    alerts += results.filter((r) => r.alertId).length;
    evaluatedOrgs.push(org.orgId);
    // The fingerprint read before evaluating: anything ingested meanwhile is seen next pass.
    state.orgs.set(org.orgId, { fingerprint, dueAt: Math.min(now.getTime() + fullIntervalMs, ...periods.map((p) => p.end.getTime())) });
  }
  const active = new Set(orgs.map((o) => o.orgId));
  for (const orgId of state.orgs.keys()) if (!active.has(orgId)) state.orgs.delete(orgId);
  const delivery = await deliverDueAlerts(now);
  return { evaluatedOrgs, alerts, delivery };
}

// array_agg comes back as an array from pg, and as a PostgreSQL array literal from some drivers.
function parsePeriods(value: unknown): BudgetPeriodKind[] {
  if (Array.isArray(value)) return value as BudgetPeriodKind[];
  if (typeof value === "string") return value.replace(/^\{|\}$/g, "").split(",").filter(Boolean) as BudgetPeriodKind[];
  return [];
}

/** A running worker; `stop` waits for the pass in progress. */
export type BudgetWorker = { stop: () => Promise<void> };

const globalForWorker = globalThis as unknown as { marginalBudgetWorker?: BudgetWorker };

/**
 * Starts the budget worker in this process: a pass every `MARGINAL_BUDGET_EVAL_INTERVAL_MS`
 * (default 30 s), never two at once. Idempotent per process (hot reload starts it once). The
 * timer is unref'd, so it never keeps a process alive on its own.
 */
export function startBudgetWorker(options: { intervalMs?: number; fullIntervalMs?: number } = {}): BudgetWorker {
  if (globalForWorker.marginalBudgetWorker) return globalForWorker.marginalBudgetWorker;
  const intervalMs = options.intervalMs ?? (Number(process.env.MARGINAL_BUDGET_EVAL_INTERVAL_MS) || DEFAULT_EVAL_INTERVAL_MS);
  const state = createBudgetWorkerState();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runBudgetWorkerPass(state, new Date(), { fullIntervalMs: options.fullIntervalMs })
        .catch((error: unknown) => console.error("Budget worker pass failed", error))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  const worker: BudgetWorker = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (globalForWorker.marginalBudgetWorker === worker) delete globalForWorker.marginalBudgetWorker;
    },
  };
  globalForWorker.marginalBudgetWorker = worker;
  return worker;
}

/** Stops the process's budget worker, if one runs. */
export async function stopBudgetWorker(): Promise<void> {
  await globalForWorker.marginalBudgetWorker?.stop();
}
