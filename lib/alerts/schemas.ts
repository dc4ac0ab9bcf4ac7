import { z } from "zod";

/** Acknowledging an alert, with an optional note on what was done about it. */
export const acknowledgeAlertSchema = z
  .object({ note: z.string({ error: "must be a string" }).trim().max(2000, "must be at most 2000 characters").optional() }, { error: "must be a JSON object" })
  .strict();
export type AcknowledgeAlertInput = z.input<typeof acknowledgeAlertSchema>;

/** Reading the alert feed: newest first; `before` is the id of the last alert of the previous page. */
export const listAlertsSchema = z.object({
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  before: z.string().min(1, "must be an alert id").max(100, "must be an alert id").optional(),
  budget_id: z.string().min(1).max(100).optional(),
  unacknowledged: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
});
export type ListAlertsQuery = z.input<typeof listAlertsSchema>;

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One alert's delivery to one channel, as the feed shows it (secrets never leave the server). */
export type DeliveryJson = {
  id: string;
  channel: { type: "webhook"; url: string } | { type: "email"; to: string };
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
};

/** An alert as the feed and the API show it. */
export type AlertJson = {
  id: string;
  kind: string;
  budget_id: string | null;
  title: string;
  level: string;
  previous_level: string | null;
  spend_usd: string | null;
  amount_usd: string | null;
  forecast_usd: string | null;
  reason: string;
  details: unknown;
  period_start: string | null;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  note: string | null;
  deliveries: DeliveryJson[];
};
