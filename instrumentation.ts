// Next.js calls register() once per server process (at start-up, or at the latest with the first
// request); it never calls it during `next build`, and the NEXT_PHASE check below keeps it so.
// The workers run in the Node.js server only, not on the edge runtime. The budget worker can be
// switched off with MARGINAL_BUDGET_WORKER=off (e.g. in a process that should only ingest); the
// event partition worker cannot: it makes next month's partition ahead and applies retention.

/** Starts the budget and alert worker and the event partition worker in the Node.js server process. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startEventPartitionWorker } = await import("./lib/partitions/event-partition-worker");
  startEventPartitionWorker();
  if (process.env.MARGINAL_BUDGET_WORKER === "off") return;
  const { startBudgetWorker } = await import("./lib/budgets/budget-worker");
  startBudgetWorker();
}
