import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import type { StoredChannel } from "@/lib/budgets/schemas";
import { db } from "@/lib/db";
import { AppError, foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { listAlertsSchema, type AlertJson, type DeliveryJson, type DeliveryStatus, type ListAlertsQuery } from "./schemas";

type AlertRow = Awaited<ReturnType<typeof db.alert.findMany>>[number];
type DeliveryRow = Awaited<ReturnType<typeof db.alertDelivery.findMany>>[number];

/** A channel as people may see it: where it goes, never its secret. */
export function publicChannel(channel: StoredChannel): DeliveryJson["channel"] {
  return channel.type === "webhook" ? { type: "webhook", url: channel.url } : { type: "email", to: channel.to };
}

function toDeliveryJson(row: DeliveryRow): DeliveryJson {
  return {
    id: row.id,
    channel: publicChannel(row.channel as StoredChannel),
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    last_error: row.lastError,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
  };
}

function toAlertJson(row: AlertRow, deliveries: DeliveryRow[]): AlertJson {
  return {
    id: row.id,
    kind: row.kind,
    budget_id: row.budgetId,
    title: row.title,
    level: row.level,
    previous_level: row.previousLevel,
    spend_usd: row.spendUsd?.toFixed(10) ?? null,
    amount_usd: row.amountUsd?.toString() ?? null,
    forecast_usd: row.forecastUsd?.toFixed(10) ?? null,
    reason: row.reason,
    details: row.details ?? null,
    period_start: row.periodStart?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    acknowledged_at: row.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: row.acknowledgedBy,
    note: row.note,
    deliveries: deliveries.map(toDeliveryJson),
  };
}

async function withDeliveries(orgId: string, rows: AlertRow[]): Promise<AlertJson[]> {
  if (rows.length === 0) return [];
  const deliveries = await db.alertDelivery.findMany({ where: { orgId, alertId: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => toAlertJson(row, deliveries.filter((d) => d.alertId === row.id)));
}

/**
 * The alert feed (SPEC 5), newest first (ties by id), each alert with its deliveries' status.
 * Keyset pages: `next_before` is the last alert's id; an unknown `before` is 400.
 */
export async function listAlerts(ctx: OrgContext, query: ListAlertsQuery = {}): Promise<{ alerts: AlertJson[]; next_before: string | null }> {
  authorizeOrThrow(ctx, "read");
  const q = parseOrThrow(listAlertsSchema, query);
  let after: { createdAt: Date; id: string } | null = null;
  if (q.before) {
    after = await db.alert.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: q.before } }, select: { createdAt: true, id: true } });
    if (!after) throw new AppError("INVALID_INPUT", "Invalid input: before: no such alert", { issues: [{ path: "before", message: "must be the id of an alert in the feed" }] });
  }
  const rows = await db.alert.findMany({
    where: {
      orgId: ctx.orgId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      ...(q.budget_id ? { budgetId: q.budget_id } : {}),
      ...(q.unacknowledged === "true" ? { acknowledgedAt: null } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { alerts: await withDeliveries(ctx.orgId, page), next_before: rows.length > q.limit ? page[page.length - 1].id : null };
}

/** One alert with its deliveries and every delivery attempt (the delivery log). */
export async function getAlertOrThrow(ctx: OrgContext, alertId: string) {
  authorizeOrThrow(ctx, "read");
  return readAlertOrThrow(ctx, alertId);
}

/** The answer to an alert write the caller has already authorized (a `manage`-only key has no `read`). */
export async function readAlertOrThrow(ctx: OrgContext, alertId: string) {
  const row = foundOrThrow(await db.alert.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: alertId } } }), "Alert");
  const [alert] = await withDeliveries(ctx.orgId, [row]);
  const attempts = await db.alertDeliveryAttempt.findMany({
    where: { orgId: ctx.orgId, deliveryId: { in: alert.deliveries.map((d) => d.id) } },
    orderBy: [{ startedAt: "asc" }, { attempt: "asc" }],
  });
  return {
    ...alert,
    attempts: attempts.map((a) => ({
      delivery_id: a.deliveryId,
      attempt: a.attempt,
      started_at: a.startedAt.toISOString(),
      duration_ms: a.durationMs,
      ok: a.ok,
      status_code: a.statusCode,
      error: a.error,
    })),
  };
}
