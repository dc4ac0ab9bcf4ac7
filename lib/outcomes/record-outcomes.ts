import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { toFieldIssues } from "@/lib/errors/zod-issues";
import type { EventError } from "@/lib/ingest/validate-events";
import { outcomeSchema } from "./schemas";

// The latest outcome of a run wins: an outcome older than the stored one changes nothing. A run
// may get its outcome before its first event, so the row can start with only the outcome.
const RECORD_OUTCOMES_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::numeric[], $5::timestamptz[]) AS t(run_id, outcome, value_usd, at)
),
upserted AS (
  INSERT INTO "Run" ("orgId", "runId", "outcome", "outcomeValueUsd", "outcomeAt")
  SELECT $1, run_id, outcome, value_usd, at FROM input ORDER BY run_id
  ON CONFLICT ("orgId", "runId") DO UPDATE SET
    "outcome" = excluded."outcome", "outcomeValueUsd" = excluded."outcomeValueUsd", "outcomeAt" = excluded."outcomeAt"
  WHERE "Run"."outcomeAt" IS NULL OR excluded."outcomeAt" >= "Run"."outcomeAt"
  RETURNING 1
)
SELECT count(*)::int AS applied FROM upserted`;

/** Validates and records a batch of outcomes; `superseded` counts those older than what is stored. */
export async function recordOutcomes(ctx: OrgContext, items: readonly unknown[], now: Date = new Date()) {
  authorizeOrThrow(ctx, "ingest");
  const errors: EventError[] = [];
  const latestByRun = new Map<string, { outcome: string; valueUsd: string | null; at: Date }>();
  items.forEach((item, index) => {
    const parsed = outcomeSchema.safeParse(item);
    if (!parsed.success) {
      const id = typeof (item as { run_id?: unknown })?.run_id === "string" ? (item as { run_id: string }).run_id : null;
      errors.push({ index, id, message: toFieldIssues(parsed.error).map((i) => `${i.path}: ${i.message}`).join("; ") });
      return;
    }
    const at = parsed.data.timestamp ? new Date(parsed.data.timestamp) : now;
    const previous = latestByRun.get(parsed.data.run_id);
    // Within one batch, too, the latest outcome of a run wins (later in the batch on a tie).
    if (!previous || at >= previous.at) latestByRun.set(parsed.data.run_id, { outcome: parsed.data.outcome, valueUsd: parsed.data.value_usd ?? null, at });
  });
  const valid = items.length - errors.length;
  if (latestByRun.size === 0) return { accepted: 0, superseded: 0, rejected: errors.length, errors, valid };
  const runs = [...latestByRun.entries()];
  const [row] = await db.$queryRawUnsafe<{ applied: number }[]>(
    RECORD_OUTCOMES_SQL,
    ctx.orgId,
    runs.map(([runId]) => runId),
    runs.map(([, o]) => o.outcome),
    runs.map(([, o]) => o.valueUsd),
    runs.map(([, o]) => o.at.toISOString()),
  );
  return { accepted: row.applied, superseded: valid - row.applied, rejected: errors.length, errors, valid };
}
