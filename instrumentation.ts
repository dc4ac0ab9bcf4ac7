// Next.js calls register() once per server process (at start-up, or at the latest with the first
// request); it never calls it during `next build`, and the NEXT_PHASE check below keeps it so.
// The budget worker runs in the Node.js server only: not on the edge runtime, and not when
// MARGINAL_BUDGET_WORKER=off (e.g. in a process that should only ingest).

/** Starts the budget and alert worker in the Node.js server process. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.MARGINAL_BUDGET_WORKER === "off") return;
  const { startBudgetWorker } = await import("./lib/budgets/budget-worker");
  startBudgetWorker();
}
