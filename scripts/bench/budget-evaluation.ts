// `DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/budget-evaluation.ts [--org-slug bench] [--budgets 50] [--iterations 10]`
//
// The budget worker's cost on a loaded organization (e.g. after `npm run demo:load -- --events 10M`):
// creates N budgets over every scope dimension and period (replacing the organization's budgets),
// then times warm `evaluateBudgets` (one roll-up statement for all budgets plus one short
// transaction per budget) and the worker's change check, and prints the figures.
import { parseArgs } from "node:util";
import { createBudget } from "@/lib/budgets/create-budget";
import { createBudgetWorkerState, runBudgetWorkerPass } from "@/lib/budgets/budget-worker";
import { evaluateBudgets } from "@/lib/budgets/evaluate-budgets";
import { db, getConnection } from "@/lib/db";
import { systemContext } from "@/lib/setup/system-context";
import { BENCH_BUDGET_DIMENSIONS, benchBudgetInputs, benchBudgetScopes, percentile, type BenchBudgetDimension } from "./harness";

async function time(label: string, iterations: number, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${iterations} runs)`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "org-slug": { type: "string", default: "bench" }, budgets: { type: "string", default: "50" }, iterations: { type: "string", default: "10" } } });
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the loaded PostgreSQL database");
  const org = await db.organization.findUniqueOrThrow({ where: { slug: values["org-slug"] } });
  const ctx = systemContext(org, "system (benchmark)");
  const count = Number(values.budgets);
  const iterations = Number(values.iterations);

  // Real scope values, the most used first, so budgets read realistic shares of the roll-ups.
  const top = {} as Record<BenchBudgetDimension, string[]>;
  for (const dimension of BENCH_BUDGET_DIMENSIONS) {
    const rows = await db.costRollupHourly.groupBy({ by: [dimension], where: { orgId: org.id, [dimension]: { not: "" } }, _sum: { costUsd: true }, orderBy: { _sum: { costUsd: "desc" } }, take: 6 });
    top[dimension] = rows.map((row) => (row as unknown as Record<string, string>)[dimension]);
  }
  const scopes = benchBudgetScopes(top);
  await db.budget.deleteMany({ where: { orgId: org.id } });
  const now = new Date();
  for (const input of benchBudgetInputs(count, scopes, (i) => String(100 * (1 + (i % 7))))) await createBudget(ctx, input, now);
  const rollups = await db.costRollupHourly.count({ where: { orgId: org.id } });
  console.log(`${count} budgets over ${scopes.length} scopes; the organization has ${rollups.toLocaleString("en-US")} roll-up rows`);

  await time(`evaluateBudgets, ${count} budgets`, iterations, () => evaluateBudgets(org.id, new Date()));
  const state = createBudgetWorkerState();
  await runBudgetWorkerPass(state, new Date());
  await time("worker pass without new ingest (change check only)", iterations, () => runBudgetWorkerPass(state, new Date()));
  await getConnection().close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
