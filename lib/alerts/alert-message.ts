import { formatUsdTotal } from "@/lib/format/format-money";

/** The alert fields a message is made from. */
export type AlertForMessage = {
  id: string;
  kind: string;
  budgetId: string | null;
  title: string;
  level: string;
  previousLevel: string | null;
  spendUsd: string | null;
  amountUsd: string | null;
  forecastUsd: string | null;
  reason: string;
  periodStart: Date | null;
  createdAt: Date;
};

const EMOJI: Record<string, string> = { green: ":large_green_circle:", yellow: ":large_yellow_circle:", red: ":red_circle:" };
const money = (v: string | null) => (v === null ? null : formatUsdTotal(v));

/** One line people read, in Slack's mrkdwn (also fine as plain text). */
export function alertText(alert: AlertForMessage): string {
  const was = alert.previousLevel ? ` (was ${alert.previousLevel})` : "";
  const amounts = alert.spendUsd && alert.amountUsd ? ` Spend ${money(alert.spendUsd)} of ${money(alert.amountUsd)}${alert.forecastUsd ? `, forecast ${money(alert.forecastUsd)}` : ""}.` : "";
  return `${EMOJI[alert.level] ?? ":warning:"} Budget *${alert.title}* is now ${alert.level.toUpperCase()}${was}: ${alert.reason}.${amounts}`;
}

/**
 * The webhook body (SPEC 5): `id` (the same on every retry), `budget_id`, `level`, `previous_level`,
 * `spend_usd`, `amount_usd`, and a Slack-compatible `text`, serialized once so the signature covers
 * exactly the bytes sent.
 */
export function webhookBody(alert: AlertForMessage): string {
  return JSON.stringify({
    id: alert.id,
    type: `${alert.kind}.level_changed`,
    budget_id: alert.budgetId,
    budget_name: alert.title,
    level: alert.level,
    previous_level: alert.previousLevel,
    spend_usd: alert.spendUsd,
    amount_usd: alert.amountUsd,
    forecast_usd: alert.forecastUsd,
    reason: alert.reason,
    period_start: alert.periodStart?.toISOString() ?? null,
    created_at: alert.createdAt.toISOString(),
    text: alertText(alert),
  });
}

/** The email for an alert: a subject that says the level, and the same facts as the webhook. */
export function alertEmail(alert: AlertForMessage): { subject: string; text: string } {
  const lines = [
    `Budget "${alert.title}" is now ${alert.level.toUpperCase()}${alert.previousLevel ? ` (was ${alert.previousLevel})` : ""}.`,
    "",
    alert.reason,
    "",
    ...(alert.spendUsd ? [`Spend this period: ${money(alert.spendUsd)}`] : []),
    ...(alert.amountUsd ? [`Budget: ${money(alert.amountUsd)}`] : []),
    ...(alert.forecastUsd ? [`Forecast to the period's end: ${money(alert.forecastUsd)}`] : []),
    "",
    `Alert id: ${alert.id}`,
  ];
  return { subject: `[Marginal] Budget "${alert.title}" is ${alert.level.toUpperCase()}`, text: lines.join("\n") };
}
