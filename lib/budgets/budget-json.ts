import type { Budget } from "@/lib/db/generated/client";
import { budgetPeriod } from "./budget-period";
import type { BudgetDriver, BudgetJson, BudgetLevel, BudgetPeriodKind, ScopeDimension, StoredChannel } from "./schemas";

/** A channel as the API shows it: webhook secrets are never read back, only whether one is set. */
export function redactChannel(channel: StoredChannel): BudgetJson["channels"][number] {
  return channel.type === "webhook" ? { type: "webhook", url: channel.url, has_secret: Boolean(channel.secret) } : { type: "email", to: channel.to };
}

/** A stored budget as the API answers it (SPEC 3), with its last evaluation's level, spend and forecast. */
export function toBudgetJson(row: Budget, timeZone: string): BudgetJson {
  const period = row.evaluatedAt ? budgetPeriod(row.evaluatedAt, row.period as BudgetPeriodKind, timeZone) : null;
  const dimension = row.scopeDimension as ScopeDimension;
  return {
    id: row.id,
    name: row.name,
    scope: dimension === "org" ? { dimension } : { dimension, value: row.scopeValue === "" ? "(untagged)" : row.scopeValue },
    period: row.period as BudgetPeriodKind,
    amount_usd: row.amountUsd.toString(),
    yellow_pct: row.yellowPct.toNumber(),
    red_pct: row.redPct.toNumber(),
    workflow_cap_pct: row.workflowCapPct.toNumber(),
    channels: (row.channels as StoredChannel[]).map(redactChannel),
    level: row.level as BudgetLevel,
    spend_usd: row.spendUsd.toFixed(10),
    forecast_usd: row.forecastUsd?.toFixed(10) ?? null,
    reason: row.reason,
    workflows: row.drivers as BudgetDriver[],
    period_start: period?.start.toISOString() ?? null,
    period_end: period?.end.toISOString() ?? null,
    evaluated_at: row.evaluatedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A budget's settings (what people edit), for the audit log's before and after. */
export function budgetSettings(b: BudgetJson) {
  return { id: b.id, name: b.name, scope: b.scope, period: b.period, amount_usd: b.amount_usd, yellow_pct: b.yellow_pct, red_pct: b.red_pct, workflow_cap_pct: b.workflow_cap_pct, channels: b.channels };
}
