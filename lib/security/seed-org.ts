import { POST as postActionItem } from "@/app/api/v1/action-items/route";
import { GET as getAlerts } from "@/app/api/v1/alerts/route";
import { POST as postBudget } from "@/app/api/v1/budgets/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postImport } from "@/app/api/v1/imports/[kind]/route";
import { POST as postOutcomes } from "@/app/api/v1/outcomes/route";
import { POST as postPrice } from "@/app/api/v1/prices/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { GET as getFindings } from "@/app/api/v1/shadow-ai/findings/route";
import { GET as getImports } from "@/app/api/v1/shadow-ai/imports/route";
import { POST as postSanctionedTool } from "@/app/api/v1/shadow-ai/sanctioned-tools/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";

/** An organization seeded through the API, every name in it carrying `tag`, with the ids it got. */
export type SeededOrg = {
  ctx: OrgContext;
  /** A key with every scope (ingest, read, manage). */
  key: string;
  tag: string;
  ids: { budget: string; actionItem: string; finding: string; import: string; alert: string; run: string };
};

function lastMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
  return d.toISOString().slice(0, 7);
}

async function expectOk<T>(what: string, call: Promise<{ status: number; json: T }>): Promise<T> {
  const res = await call;
  if (res.status >= 300) throw new Error(`Seeding ${what} answered ${res.status}: ${JSON.stringify(res.json)}`);
  return res.json;
}

/**
 * Creates an organization and fills it through the API with events (this month and last), revenue,
 * a budget that is over (so it raises an alert), an action item, a price, a sanctioned tool and an
 * expenses import with a Shadow AI finding: names, notes and e-mails all contain `tag`.
 */
export async function seedOrg(tag: string): Promise<SeededOrg> {
  const ctx = await createOrgWithOwner(`${tag} Org`);
  const { secret: key } = await createApiKey(ctx, { name: `${tag}-key`, scopes: ["ingest", "read", "manage"] });
  const now = new Date();
  const month = lastMonth(now);
  const run = `${tag}-run`;
  const event = (id: string, timestamp: string) => ({
    id: `${tag}-${id}`,
    timestamp,
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 1000, output_tokens: 200 },
    cost_usd: "0.5",
    feature: `${tag}-feature`,
    team: `${tag}-team`,
    customer: `${tag}-customer`,
    environment: `${tag}-env`,
    workflow: `${tag}-workflow`,
    run_id: run,
    step: `${tag}-step`,
    user: `${tag}-user`,
    tags: { [`${tag}-tag`]: `${tag}-value` },
  });
  const recent = new Date(now.getTime() - 3600_000).toISOString();
  await expectOk("events", callRoute(postEvents, { key, body: { events: [event("now", recent), event("last-month", `${month}-15T12:00:00Z`)] } }));
  await expectOk("outcomes", callRoute(postOutcomes, { key, body: { outcomes: [{ run_id: run, outcome: "success", value_usd: "1" }] } }));
  await expectOk("revenue", callRoute(postRevenue, { key, body: { revenue: [{ month, feature: `${tag}-feature`, customer: `${tag}-customer`, amount_usd: "100" }] } }));
  const budget = await expectOk<{ id: string }>(
    "budget",
    callRoute(postBudget, { key, body: { name: `${tag}-budget`, scope: { dimension: "feature", value: `${tag}-feature` }, period: "month", amount_usd: "0.01" } }),
  );
  const actionItem = await expectOk<{ id: string }>("action item", callRoute(postActionItem, { key, body: { title: `${tag}-action`, owner: `${tag}-owner`, note: `${tag}-note` } }));
  await expectOk("price", callRoute(postPrice, { key, body: { kind: "custom", provider: "self_hosted", model: `${tag}-model`, input_price: "0.000001", output_price: "0.000002", effective_from: "2026-01-01" } }));
  await expectOk("sanctioned tool", callRoute(postSanctionedTool, { key, body: { vendor_id: "openai-chatgpt", note: `${tag}-sanctioned`, licenses: 3 } }));
  const expenses = ["date,employee,email,merchant,description,amount,currency", `${month}-03,${tag} Person,${tag}-person@example.test,PAYPAL *MIDJOURNEY 4029357733,${tag}-expense,30.00,USD`].join("\n");
  await expectOk(
    "expenses import",
    callRoute(postImport, { key, url: "http://localhost/api/v1/imports/expenses", rawBody: expenses, headers: { "content-type": "text/csv" }, params: { kind: "expenses" } }),
  );
  const read = (handler: typeof getFindings, path: string) => expectOk<Record<string, { id: string }[]>>(path, callRoute(handler, { key, method: "GET", url: `http://localhost${path}` }));
  const [findings, imports, alerts] = await Promise.all([read(getFindings, "/api/v1/shadow-ai/findings"), read(getImports, "/api/v1/shadow-ai/imports"), read(getAlerts, "/api/v1/alerts")]);
  if (!findings.findings[0] || !imports.imports[0] || !alerts.alerts[0]) throw new Error(`Seeding ${tag} left no finding, import or alert`);
  return {
    ctx,
    key,
    tag,
    ids: { budget: budget.id, actionItem: actionItem.id, finding: findings.findings[0].id, import: imports.imports[0].id, alert: alerts.alerts[0].id, run },
  };
}
