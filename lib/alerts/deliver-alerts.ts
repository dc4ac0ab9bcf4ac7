import "server-only";
import { db, queryRaw } from "@/lib/db";
import type { StoredChannel } from "@/lib/budgets/schemas";
import { sendEmail } from "@/lib/email/send-email";
import { alertEmail, webhookBody, type AlertForMessage } from "./alert-message";
import { nextAttemptAt, shouldRetry } from "./backoff";
import { postWebhook } from "./post-webhook";
import { signBody } from "./signature";

/** How long a claimed row stays invisible to other workers while it is being sent. */
export const DELIVERY_LEASE_MS = 5 * 60_000;
export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

type ClaimedRow = { orgId: string; id: string; alertId: string; channel: StoredChannel; attempts: number; createdAt: Date; nextAttemptAt: Date };

/** What one attempt came to. */
type AttemptResult = { ok: boolean; statusCode: number | null; error: string | null };

/** What a pass over the outbox did. */
export type DeliveryRun = { attempted: number; delivered: number; retrying: number; failed: number };

// One statement claims due rows: FOR UPDATE SKIP LOCKED lets concurrent workers (other processes)
// take disjoint rows, and moving nextAttemptAt into the future is the lease, so no transaction
// stays open while a receiver is called (PGlite has a single connection; ingest must not wait).
const CLAIM_SQL = `
UPDATE "AlertDelivery" SET "nextAttemptAt" = $2
WHERE ("orgId", "id") IN (
  SELECT "orgId", "id" FROM "AlertDelivery"
  WHERE "status" = 'pending' AND "nextAttemptAt" <= $1
  ORDER BY "nextAttemptAt"
  LIMIT $3
  FOR UPDATE SKIP LOCKED
)
RETURNING "orgId", "id", "alertId", "channel", "attempts", "createdAt", "nextAttemptAt"`;

/**
 * Delivers every outbox row due at `now`: claims up to `limit` rows, sends them in parallel,
 * logs each attempt, and marks each row delivered, due again after a backoff, or failed once it
 * has been retried for 24 hours. `now` is a parameter so tests drive time.
 */
export async function deliverDueAlerts(now: Date = new Date(), options: { limit?: number; random?: () => number; timeoutMs?: number } = {}): Promise<DeliveryRun> {
  const lease = new Date(now.getTime() + DELIVERY_LEASE_MS);
  const claimed = await queryRaw<ClaimedRow>(CLAIM_SQL, [now.toISOString(), lease.toISOString(), options.limit ?? 20]);
  const run: DeliveryRun = { attempted: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return run;
  const alerts = await db.alert.findMany({ where: { OR: claimed.map((row) => ({ orgId: row.orgId, id: row.alertId })) } });
  const alertByKey = new Map(alerts.map((a) => [`${a.orgId}/${a.id}`, a]));

  await Promise.all(
    claimed.map(async (row) => {
      const stored = alertByKey.get(`${row.orgId}/${row.alertId}`);
      const started = Date.now();
      const result: AttemptResult = stored
        ? await attemptDelivery(row.channel, toMessage(stored), options.timeoutMs ?? WEBHOOK_TIMEOUT_MS)
        : { ok: false, statusCode: null, error: "The alert no longer exists" };
      const attempts = row.attempts + 1;
      const status = result.ok ? "delivered" : stored && shouldRetry(new Date(row.createdAt), now) ? "pending" : "failed";
      run[status === "delivered" ? "delivered" : status === "pending" ? "retrying" : "failed"] += 1;
      await db.$transaction([
        db.alertDeliveryAttempt.create({
          data: { orgId: row.orgId, deliveryId: row.id, attempt: attempts, startedAt: now, durationMs: Date.now() - started, ok: result.ok, statusCode: result.statusCode, error: result.error },
        }),
        // Only while we still hold the lease: a row whose lease ran out belongs to another worker now.
        db.alertDelivery.updateMany({
          where: { orgId: row.orgId, id: row.id, status: "pending", nextAttemptAt: lease },
          data: {
            status,
            attempts,
            lastError: result.error,
            deliveredAt: result.ok ? now : null,
            nextAttemptAt: status === "pending" ? nextAttemptAt(attempts, now, options.random) : now,
          },
        }),
      ]);
    }),
  );
  return run;
}

function toMessage(alert: {
  id: string; kind: string; budgetId: string | null; title: string; level: string; previousLevel: string | null;
  spendUsd: { toFixed(places: number): string } | null; amountUsd: { toString(): string } | null; forecastUsd: { toFixed(places: number): string } | null;
  reason: string; periodStart: Date | null; createdAt: Date;
}): AlertForMessage {
  return {
    id: alert.id,
    kind: alert.kind,
    budgetId: alert.budgetId,
    title: alert.title,
    level: alert.level,
    previousLevel: alert.previousLevel,
    spendUsd: alert.spendUsd?.toFixed(10) ?? null,
    amountUsd: alert.amountUsd?.toString() ?? null,
    forecastUsd: alert.forecastUsd?.toFixed(10) ?? null,
    reason: alert.reason,
    periodStart: alert.periodStart,
    createdAt: alert.createdAt,
  };
}

const clip = (text: string) => (text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text);

/** One attempt at one channel; never throws. */
async function attemptDelivery(channel: StoredChannel, alert: AlertForMessage, timeoutMs: number): Promise<AttemptResult> {
  try {
    if (channel.type === "email") {
      const sent = await sendEmail({ to: channel.to, ...alertEmail(alert) });
      return sent ? { ok: true, statusCode: null, error: null } : { ok: false, statusCode: null, error: "Email is not configured (SMTP_URL is not set)" };
    }
    const body = webhookBody(alert);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Marginal-Alerts/1",
      "idempotency-key": alert.id,
      "x-marginal-alert-id": alert.id,
    };
    if (channel.secret) headers["x-marginal-signature"] = signBody(body, channel.secret);
    const status = await postWebhook(channel.url, headers, body, timeoutMs);
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, error: null };
    return { ok: false, statusCode: status, error: `HTTP ${status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ok: false, statusCode: null, error: clip(error instanceof Error ? `${error.message}${cause}` : String(error)) };
  }
}
