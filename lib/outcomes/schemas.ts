import { z } from "zod";
import { decimalUsd } from "@/lib/ingest/schemas";

export const OUTCOMES = ["success", "failure", "abandoned"] as const;

/** One run's business outcome (SPEC 2.3). */
export const outcomeSchema = z.object({
  run_id: z.string({ error: "is required" }).min(1, "is required").max(200, "must be at most 200 characters"),
  outcome: z.enum(OUTCOMES, { error: `must be one of ${OUTCOMES.join(", ")}` }),
  value_usd: decimalUsd.optional(),
  timestamp: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with a zone" }).optional(),
});
export type OutcomeInput = z.input<typeof outcomeSchema>;
