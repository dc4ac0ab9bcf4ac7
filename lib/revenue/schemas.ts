import { z } from "zod";
import { decimalUsd } from "@/lib/ingest/schemas";

/** One month of revenue for a feature, optionally for one customer (SPEC 7). */
export const revenueSchema = z.object({
  month: z.string({ error: "is required" }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month like 2026-10"),
  feature: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  customer: z.string().trim().max(200, "must be at most 200 characters").optional(),
  amount_usd: decimalUsd,
});
export type RevenueInput = z.input<typeof revenueSchema>;

/** Names one revenue row: the same month, feature and customer ('' or absent for none). */
export const revenueKeySchema = revenueSchema.pick({ month: true, feature: true, customer: true });
export type RevenueKeyInput = z.input<typeof revenueKeySchema>;
