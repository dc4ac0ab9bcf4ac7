import type { AlertJson, DeliveryJson } from "@/lib/alerts/schemas";
import type { CsvCell } from "@/lib/csv/to-csv";

export const ALERT_FILTERS = ["open", "acknowledged", "all"] as const;
/** Which alerts the feed shows: not yet acknowledged (the default), acknowledged, or every one. */
export type AlertFilter = (typeof ALERT_FILTERS)[number];

/** The filter from the URL's `status`; anything else is the default, `open`. */
export function readAlertFilter(value: string | string[] | undefined | null): AlertFilter {
  const text = Array.isArray(value) ? value[0] : value;
  return (ALERT_FILTERS as readonly string[]).includes(text ?? "") ? (text as AlertFilter) : "open";
}

/** The alerts a filter keeps, newest first as the API answers them. */
export function filterAlerts(alerts: readonly AlertJson[], filter: AlertFilter): AlertJson[] {
  if (filter === "all") return [...alerts];
  return alerts.filter((a) => (filter === "open" ? a.acknowledged_at === null : a.acknowledged_at !== null));
}

const WORD: Record<string, string> = { green: "Green", yellow: "Yellow", red: "Red" };
/** A level as a word ("Red"); an unknown one as given. */
export function levelWord(level: string | null): string {
  return level === null ? "None" : (WORD[level] ?? level);
}

/** "Green → Yellow", or the level alone for an alert without a previous level. */
export function levelChangeLabel(alert: Pick<AlertJson, "level" | "previous_level">): string {
  return alert.previous_level === null ? levelWord(alert.level) : `${levelWord(alert.previous_level)} → ${levelWord(alert.level)}`;
}

/** Whether the change made things worse (green → yellow, yellow → red), for the feed's wording. */
export function isEscalation(alert: Pick<AlertJson, "level" | "previous_level">): boolean {
  const rank: Record<string, number> = { green: 0, yellow: 1, red: 2 };
  return (rank[alert.level] ?? 0) > (rank[alert.previous_level ?? "green"] ?? 0);
}

/** Where a delivery goes, as people read it. */
export function channelLabel(channel: DeliveryJson["channel"]): string {
  return channel.type === "webhook" ? `Webhook ${channel.url}` : `Email ${channel.to}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One delivery's state in words: delivered, retrying (with the last error), or given up. */
export function deliveryStatusText(delivery: Pick<DeliveryJson, "status" | "attempts" | "last_error">): string {
  const tries = plural(delivery.attempts, "attempt");
  if (delivery.status === "delivered") return `Delivered (${tries})`;
  if (delivery.status === "failed") return `Failed after ${tries}${delivery.last_error ? `: ${delivery.last_error}` : ""}`;
  if (delivery.attempts === 0) return "Pending (not tried yet)";
  return `Retrying (${tries} so far${delivery.last_error ? `, last: ${delivery.last_error}` : ""})`;
}

/** The feed as CSV: exact decimals and ISO times, one row per alert, deliveries summed up in one cell. */
export function alertsCsv(alerts: readonly AlertJson[]): { header: string[]; rows: CsvCell[][] } {
  return {
    header: ["id", "created_at", "kind", "budget_id", "budget_name", "previous_level", "level", "spend_usd", "amount_usd", "forecast_usd", "reason", "acknowledged_at", "acknowledged_by", "note", "deliveries"],
    rows: alerts.map((a) => [
      a.id,
      a.created_at,
      a.kind,
      a.budget_id,
      a.title,
      a.previous_level,
      a.level,
      a.spend_usd,
      a.amount_usd,
      a.forecast_usd,
      a.reason,
      a.acknowledged_at,
      a.acknowledged_by,
      a.note,
      a.deliveries.map((d) => `${d.channel.type === "webhook" ? d.channel.url : d.channel.to}: ${d.status} (${d.attempts})`).join("; "),
    ]),
  };
}

/** One attempt of the delivery log as `getAlertOrThrow` answers it. */
export type DeliveryAttemptJson = { delivery_id: string; attempt: number; started_at: string; duration_ms: number; ok: boolean; status_code: number | null; error: string | null };

/** The delivery log's rows: each attempt with its channel in words and its answer, in time order. */
export function attemptRows(deliveries: readonly Pick<DeliveryJson, "id" | "channel">[], attempts: readonly DeliveryAttemptJson[]) {
  const channels = new Map(deliveries.map((d) => [d.id, channelLabel(d.channel)]));
  return [...attempts]
    .sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : a.attempt - b.attempt))
    .map((a) => ({
      channel: channels.get(a.delivery_id) ?? "Removed channel",
      attempt: a.attempt,
      startedAt: a.started_at,
      durationMs: a.duration_ms,
      ok: a.ok,
      result: a.ok ? `OK${a.status_code !== null ? ` (HTTP ${a.status_code})` : ""}` : (a.error ?? (a.status_code !== null ? `HTTP ${a.status_code}` : "Failed")),
    }));
}
