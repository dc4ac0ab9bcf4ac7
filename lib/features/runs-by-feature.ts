import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";

/** Runs started in a window, counted per feature ('' when untagged), optionally for one feature per workflow. */
export type RunCount = { name: string; runs: number; costUsd: string };

// The Run table holds one row per decision, far fewer than events; its cost is the run's whole cost.
const BY_FEATURE_SQL = `
  SELECT coalesce(feature, '') AS name, count(*)::int AS runs, sum("costUsd")::text AS "costUsd"
  FROM "Run"
  WHERE "orgId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3
  GROUP BY 1`;

const BY_WORKFLOW_SQL = `
  SELECT coalesce(workflow, '') AS name, count(*)::int AS runs, sum("costUsd")::text AS "costUsd"
  FROM "Run"
  WHERE "orgId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3 AND coalesce(feature, '') = $4
  GROUP BY 1`;

/** Runs per feature that started in [from, to). */
export function countRunsByFeature(ctx: OrgContext, from: Date, to: Date): Promise<RunCount[]> {
  return queryRaw<RunCount>(BY_FEATURE_SQL, [ctx.orgId, from, to]);
}

/** Runs per workflow of one feature ('' for untagged) that started in [from, to). */
export function countRunsByWorkflow(ctx: OrgContext, feature: string, from: Date, to: Date): Promise<RunCount[]> {
  return queryRaw<RunCount>(BY_WORKFLOW_SQL, [ctx.orgId, from, to, feature]);
}
