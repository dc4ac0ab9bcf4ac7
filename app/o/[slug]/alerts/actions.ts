"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { getAlertOrThrow } from "@/lib/alerts/list-alerts";
import { runOrgAction } from "@/lib/http/with-action";

/** Acknowledges an alert with an optional note (FINANCE and above). */
export async function acknowledgeAlertAction(orgSlug: string, alertId: string, note: string) {
  const result = await runOrgAction(orgSlug, async (ctx) => {
    const alert = await acknowledgeAlert(ctx, alertId, { note });
    return { id: alert.id, acknowledged_at: alert.acknowledged_at };
  });
  revalidatePath(`/o/${orgSlug}/alerts`);
  return result;
}

/** One alert's delivery log: every attempt per channel (time, duration, status code or error). */
export async function getAlertDeliveryLogAction(orgSlug: string, alertId: string) {
  return runOrgAction(orgSlug, async (ctx) => {
    const alert = await getAlertOrThrow(ctx, alertId);
    return { deliveries: alert.deliveries, attempts: alert.attempts };
  });
}
