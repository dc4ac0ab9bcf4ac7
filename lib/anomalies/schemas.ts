import { z } from "zod";

export const DEFAULT_ANOMALY_DAYS = 7;
export const MAX_ANOMALY_DAYS = 31;

/** Query parameters of `GET /api/v1/anomalies`: how many local days, ending today, to judge. */
export const anomaliesQuerySchema = z.object({
  days: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_ANOMALY_DAYS, `must be at most ${MAX_ANOMALY_DAYS}`)
    .default(DEFAULT_ANOMALY_DAYS),
});
export type AnomaliesQuery = z.input<typeof anomaliesQuerySchema>;
