import { z } from "zod";
import { createActionItemSchema, updateActionItemSchema } from "@/lib/action-items/schemas";
import { acknowledgeAlertSchema } from "@/lib/alerts/schemas";
import { createBudgetSchema, updateBudgetSchema } from "@/lib/budgets/schemas";
import { eventSchema } from "@/lib/ingest/schemas";
import { outcomeSchema } from "@/lib/outcomes/schemas";
import { createPriceOverrideSchema } from "@/lib/price-overrides/schemas";
import { revenueSchema } from "@/lib/revenue/schemas";
import { sanctionToolSchema, updateFindingSchema } from "@/lib/shadow-ai/schemas";

type Operation = {
  summary: string;
  description?: string;
  scope: "ingest" | "read" | "manage" | null;
  parameters?: object[];
  requestBody?: object;
  responses: Record<string, string | { description: string; content?: object }>;
};

/** Request schemas come from the same Zod schemas the handlers validate with, so they cannot drift. */
function jsonSchema(schema: z.ZodType): object {
  const document = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete document.$schema; // the OpenAPI document declares its own dialect
  return document;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const batchBody = (field: string, item: string) =>
  ({ required: true, ...json({ type: "object", required: [field], properties: { [field]: { type: "array", minItems: 1, maxItems: 1000, items: ref(item) } } }) });
const query = (name: string, description: string, schema: object = { type: "string" }, required = false) => ({ name, in: "query", required, description, schema });
const dimensionFilters = ["feature", "team", "customer", "environment", "workflow", "provider", "model"].map((d) =>
  query(d, `Only rows whose ${d} is one of these (repeatable; \`(untagged)\` for none)`, { type: "array", items: { type: "string" } }),
);

const batchResponses = {
  "200": { description: "Every item stored or already there", ...json(ref("BatchResult")) },
  "207": { description: "Some items rejected; the others are stored", ...json(ref("BatchResult")) },
  "400": "Not JSON, no array, or no valid item (field-level `issues`)",
  "401": "Missing, unknown or revoked key, or a key without the scope",
  "413": "More than 1,000 items or 5 MB",
  "429": "The key's rate limit; retry after `Retry-After` seconds",
  "503": "The database cannot be reached; nothing was stored; retry after `Retry-After` seconds",
};

const paths: Record<string, Record<string, Operation>> = {
  "/api/v1/org": { get: { summary: "The organization the credentials act for", scope: "read", responses: { "200": "The organization", "401": "Not authenticated" } } },
  "/api/v1/events": {
    post: { summary: "Ingest a batch of inference events (SPEC 2.1)", scope: "ingest", requestBody: batchBody("events", "Event"), responses: batchResponses },
  },
  "/api/v1/outcomes": {
    post: { summary: "Record run outcomes; the latest outcome of a run wins (SPEC 2.3)", scope: "ingest", requestBody: batchBody("outcomes", "Outcome"), responses: batchResponses },
  },
  "/api/v1/revenue": {
    get: { summary: "Revenue per feature (and customer) per month", scope: "read", responses: { "200": "The revenue rows", "401": "Not authenticated" } },
    post: { summary: "Record revenue; the same month, feature and customer replaces the amount", scope: "ingest", requestBody: batchBody("revenue", "Revenue"), responses: batchResponses },
  },
  "/api/v1/prices": {
    get: { summary: "The organization's price overrides", scope: "read", responses: { "200": "The overrides, newest first", "401": "Not authenticated" } },
    post: {
      summary: "Add a price override (discount or custom per-token prices), optionally re-pricing the past",
      scope: "manage",
      requestBody: { required: true, ...json(ref("PriceOverride")) },
      responses: { "201": "Created; unpriced events it covers are priced", "400": "Invalid fields", "401": "No `manage` scope" },
    },
  },
  "/api/v1/imports/{kind}": {
    post: {
      summary: "Import a CSV or JSON file; `dry_run=true` previews and stores nothing",
      description:
        "`events` (scope `ingest`): CSV or `{ events: [...] }`. `expenses` (scope `manage`): CSV with date, employee or email, merchant, description, amount, currency, cost_center (headers mapped by `{ csv, mapping }`); all rows or none, the same rows twice are stored once. `vendor-bills` (scope `manage`): an OpenAI organization costs page or an Anthropic cost report page as exported (`{ data: [...] }`); any error stores nothing. `subscriptions` (scope `manage`): CSV of SaaS subscriptions as SaaS-management tools export them (application or vendor, plan, owner, email, seats, amount with billing_cycle or annual_amount / monthly_amount, currency, start_date, renewal_date, cost_center; headers mapped by `{ csv, mapping }`); all rows or none, the same rows twice are stored once. `revenue` (scope `ingest`): CSV with month (YYYY-MM), feature, customer, amount_usd (headers mapped by `{ csv, mapping }`) or `{ revenue: [...] }`; the same month, feature and customer replaces the amount; all rows or none.",
      scope: "ingest",
      parameters: [
        { name: "kind", in: "path", required: true, schema: { type: "string", enum: ["events", "expenses", "subscriptions", "vendor-bills", "revenue"] } },
        query("dry_run", "Preview only", { type: "boolean" }),
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: { type: "object" } } } },
      responses: { "200": "Preview, or all rows stored", "207": "Some rows rejected", "400": "No valid row or unreadable file", "401": "No `ingest` scope (`manage` for expenses, subscriptions and vendor bills)", "404": "No such kind", "413": "Over 5 MB or 50,000 rows" },
    },
  },
  "/api/v1/otlp/v1/traces": {
    post: {
      summary: "OTLP/HTTP trace export: GenAI model-call spans become events (SPEC 2.4)",
      scope: "ingest",
      requestBody: { required: true, content: { "application/json": { schema: { type: "object" } }, "application/x-protobuf": { schema: { type: "string", format: "binary" } } } },
      responses: { "200": "Accepted, or `partialSuccess` with `rejectedSpans`", "400": "Not an ExportTraceServiceRequest", "401": "No `ingest` scope", "415": "Unsupported media type" },
    },
  },
  "/api/v1/openapi.json": { get: { summary: "This document", scope: null, responses: { "200": "OpenAPI 3.1" } } },
};

/** Adds an operation to the document; areas that arrive later register theirs here. */
export function addOpenApiOperation(path: string, method: "get" | "post" | "patch" | "delete", operation: Operation): void {
  paths[path] = { ...paths[path], [method]: operation };
}

addOpenApiOperation("/api/v1/costs", "get", {
  summary: "Cost over time, grouped and filtered (SPEC 3); JSON, CSV or FOCUS",
  scope: "read",
  parameters: [
    query("from", "Start (inclusive), ISO date or date-time; dates are midnight in the organization's time zone"),
    query("to", "End (exclusive)"),
    query("granularity", "Period length", { type: "string", enum: ["hour", "day", "week", "month"] }),
    query("group_by", "Dimensions to group by (repeatable)", { type: "array", items: { type: "string", enum: ["feature", "team", "customer", "environment", "workflow", "provider", "model"] } }),
    query("format", "Output", { type: "string", enum: ["json", "csv", "focus"] }),
    ...dimensionFilters,
  ],
  responses: { "200": "`{ from, to, granularity, group_by, currency, total, rows }`, or CSV", "400": "A bad parameter, named", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/costs/change", "get", {
  summary: "Why did it change: a period's cost change split into volume, model-mix and unit-price effects",
  description: "The three effects add up to the change exactly. The previous period defaults to the same length just before.",
  scope: "read",
  parameters: [
    query("from", "Start of the period (inclusive)"),
    query("to", "End of the period (exclusive)"),
    query("previous_from", "Start of the period to compare with"),
    query("previous_to", "End of the period to compare with (exclusive)"),
    ...dimensionFilters,
  ],
  responses: { "200": "`{ period, previous, before, after, change, volume, modelMix, unitPrice, models }`", "400": "A bad parameter, named", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/runs", "get", {
  summary: "Runs (decisions) of agentic workflows, most expensive first",
  scope: "read",
  parameters: [query("from", "Runs started from"), query("to", "Runs started before"), query("workflow", "One workflow"), query("feature", "One feature"), query("outcome", "success, failure, abandoned or none"), query("sort", "cost (default), started_at or steps"), query("limit", "1 to 500", { type: "integer" }), query("cursor", "From `next_cursor`"), query("summary", "`workflows`: per-workflow cost per run (p50, p95, max, histogram), steps, success rate, cost per successful outcome", { type: "string", enum: ["workflows"] })],
  responses: { "200": "`{ runs, next_cursor }`, or `{ from, to, workflows }` with `summary=workflows`", "400": "A bad parameter, named", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/runs/{run_id}", "get", {
  summary: "One run with each of its calls in order (the waterfall)",
  scope: "read",
  parameters: [{ name: "run_id", in: "path", required: true, schema: { type: "string" } }],
  responses: { "200": "The run and its steps", "401": "No `read` scope", "404": "No such run in this organization" },
});

const budgetId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const budgetRead = "`{ id, name, scope, period, amount_usd, yellow_pct, red_pct, workflow_cap_pct, channels, level, spend_usd, forecast_usd, reason, workflows, period_start, period_end, evaluated_at }`; webhook secrets are never read back (`has_secret`)";
addOpenApiOperation("/api/v1/budgets", "get", {
  summary: "Budgets with their current level (green, yellow, red), spend, forecast and reason",
  scope: "read",
  responses: { "200": `\`{ budgets: [...] }\`, red first; each ${budgetRead}`, "401": "Not authenticated" },
});
addOpenApiOperation("/api/v1/budgets", "post", {
  summary: "Create a budget; it is evaluated at once",
  description: "Thresholds default to yellow 80%, red 100%, workflow cap 20% (0 turns the cap off). Level changes raise alerts delivered to `channels`.",
  scope: "manage",
  requestBody: { required: true, ...json(jsonSchema(createBudgetSchema)) },
  responses: { "201": `The budget: ${budgetRead}`, "400": "Invalid fields, each named", "401": "No `manage` scope", "403": "A role below FINANCE" },
});
addOpenApiOperation("/api/v1/budgets/{id}", "get", {
  summary: "One budget with its level, spend, forecast, reason and the workflows driving it",
  scope: "read",
  parameters: [budgetId],
  responses: { "200": `The budget: ${budgetRead}`, "401": "Not authenticated", "404": "No such budget in this organization" },
});
addOpenApiOperation("/api/v1/budgets/{id}", "patch", {
  summary: "Change some of a budget's fields; it is evaluated again",
  description: "A webhook channel sent without `secret` keeps the secret stored for the same URL; `secret: null` removes it.",
  scope: "manage",
  parameters: [budgetId],
  requestBody: { required: true, ...json(jsonSchema(updateBudgetSchema)) },
  responses: { "200": "The budget", "400": "Invalid fields, each named", "401": "No `manage` scope", "404": "No such budget in this organization" },
});
addOpenApiOperation("/api/v1/budgets/{id}", "delete", {
  summary: "Delete a budget; its alerts stay in the feed",
  scope: "manage",
  parameters: [budgetId],
  responses: { "204": "Deleted", "401": "No `manage` scope", "404": "No such budget in this organization" },
});
addOpenApiOperation("/api/v1/alerts", "get", {
  summary: "The alert feed, newest first, with each alert's delivery status per channel",
  scope: "read",
  parameters: [
    query("limit", "1 to 200 (default 50)", { type: "integer" }),
    query("before", "The next page: `next_before` of the previous page (an alert id)"),
    query("budget_id", "Only this budget's alerts"),
    query("unacknowledged", "Only alerts not yet acknowledged", { type: "boolean" }),
  ],
  responses: { "200": "`{ alerts: [{ id, kind, budget_id, title, level, previous_level, spend_usd, amount_usd, forecast_usd, reason, created_at, acknowledged_at, acknowledged_by, note, deliveries }], next_before }`", "400": "A bad parameter, named", "401": "Not authenticated" },
});
addOpenApiOperation("/api/v1/alerts/{id}/acknowledge", "post", {
  summary: "Acknowledge an alert, with an optional note",
  scope: "manage",
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
  requestBody: { required: false, ...json(jsonSchema(acknowledgeAlertSchema)) },
  responses: { "200": "The alert with its deliveries and every delivery attempt", "400": "Invalid note", "401": "No `manage` scope", "404": "No such alert in this organization", "409": "Already acknowledged" },
});

addOpenApiOperation("/api/v1/anomalies", "get", {
  summary: "Cost spikes per feature and workflow (SPEC 5), largest first, with their size and likely cause",
  description:
    "Each of the last `days` local days (today so far included) is judged against the 28 local days before it: a spike when (cost − median) ÷ max(MAD × 1.4826, 5 % of median, $0.01) ≥ 5, the cost is at least 1.5 × the baseline's 90th percentile, and it exceeds the median by at least $1. The cause is the largest of the volume, retries_errors, tokens_per_call, model_mix and unit_price effects, which add up to the excess exactly.",
  scope: "read",
  parameters: [query("days", "Local days to judge, ending today: 1 to 31 (default 7)", { type: "integer", minimum: 1, maximum: 31 })],
  responses: {
    "200": "`{ from, to, days, anomalies: [{ dimension, value, date, cost_usd, baseline_median_usd, baseline_mad_usd, baseline_days, excess_usd, ratio, z_score, cause: { kind, detail, share, effects_usd, today, baseline } }] }`",
    "400": "A bad `days`, named",
    "401": "No `read` scope",
  },
});

addOpenApiOperation("/api/v1/margins", "get", {
  summary: "Gross margin per feature and in total for a month or quarter (SPEC 7); JSON or CSV",
  description: "Revenue, inference cost, gross margin after inference (revenue − cost), gross_margin_pct, inference_share_of_revenue_pct (against the 23% benchmark), cost per decision and per successful outcome, flags (`no_revenue`, `inference_share_above_benchmark`, `inference_above_10pct_of_gross_margin`) and the previous period's money measures. Money: decimal strings, 10 places; percentages: 2 places, null without revenue.",
  scope: "read",
  parameters: [
    query("period", "`2026-10` or `2026-Q4`, in the organization's time zone; default the last full month"),
    query("format", "Output", { type: "string", enum: ["json", "csv"] }),
  ],
  responses: { "200": "`{ period, kind, from, to, previous_period, currency, benchmarks, features: [...], total }`, or CSV", "400": "A bad parameter, named", "401": "No `read` scope" },
});
const actionItemRead = "`{ id, week, week_start, title, owner, due_date, status, note, source, created_by, created_at, updated_at, closed_at }`";
addOpenApiOperation("/api/v1/reviews/weekly", "get", {
  summary: "One week's review (SPEC 8): the five most expensive workflows with their change, budgets in yellow or red, anomalies, new shadow-AI findings and action items",
  description: "Weeks are ISO weeks (Monday to Monday) in the organization's time zone. A week in progress is compared with the week before up to the same point (`previous_partial`). A past week's budgets are the budget alerts raised during it (`budgets_source: alerts`).",
  scope: "read",
  parameters: [query("week", "ISO week (`2026-W47`) or a date in it; default: this week")],
  responses: {
    "200": "`{ week: { label, start_date, last_date, start, end, tense, time_zone }, previous_week, previous_until, previous_partial, next_week, workflows: { total_usd, previous_total_usd, change_usd, change_pct, top: [{ workflow, cost_usd, previous_cost_usd, change_usd, change_pct, is_new }] }, budgets_source, budgets: [{ budget_id, name, level, spend_usd, amount_usd, reason, at }], anomalies: [{ dimension, value, date, cost_usd, baseline_median_usd, excess_usd, ratio, cause_kind, cause }], findings: [{ id, kind, title, total_usd, status, owner, created_at }], action_items: [...] }`",
    "400": "A bad `week`, named",
    "401": "No `read` scope",
  },
});
addOpenApiOperation("/api/v1/action-items", "get", {
  summary: "Action items: with `week`, those that week's review shows (raised by then, not closed before it; `carried_over`, `closed_later`); otherwise all, newest first",
  scope: "read",
  parameters: [
    query("week", "ISO week (`2026-W47`) or a date in it"),
    query("status", "Only these statuses (repeatable; ignored with `week`)", { type: "array", items: { type: "string", enum: ["open", "in_progress", "done", "dropped"] } }),
  ],
  responses: { "200": `\`{ action_items: [${actionItemRead}] }\``, "400": "A bad `week` or `status`", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/action-items", "post", {
  summary: "Raise an action item in a week (default: this week), audited",
  scope: "manage",
  requestBody: { required: true, ...json(jsonSchema(createActionItemSchema)) },
  responses: { "201": actionItemRead, "400": "Invalid fields, each named", "401": "No `manage` scope", "403": "A VIEWER" },
});
addOpenApiOperation("/api/v1/action-items/{id}", "patch", {
  summary: "Change an action item's title, owner, due date, status or note; done/dropped sets closed_at, reopening clears it; audited",
  scope: "manage",
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
  requestBody: { required: true, ...json(jsonSchema(updateActionItemSchema)) },
  responses: { "200": actionItemRead, "400": "Invalid fields", "401": "No `manage` scope", "403": "A VIEWER", "404": "No such action item in this organization" },
});
addOpenApiOperation("/api/v1/reports/board.pdf", "get", {
  summary: "The board report (SPEC 7) for a month or quarter, as a print-ready landscape PDF",
  description:
    "Three landscape pages: the executive summary in numbers, AI gross margin against the 50–60% AI and 70–90% SaaS benchmarks, spend trend (six months) and forecast, budget lights, top risks (red budgets, cost spikes in the period, open shadow-AI findings) and savings levers with their estimated monthly value. Months and quarters are calendar periods in the organization's time zone.",
  scope: "read",
  parameters: [
    query("period", "A month (`2026-10`) or a quarter (`2026-Q4`)", { type: "string" }, true),
    query("paper", "Paper size, landscape (default `a4`)", { type: "string", enum: ["a4", "letter"] }),
  ],
  responses: {
    "200": { description: "The PDF, as the attachment `marginal-board-<period>.pdf`", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
    "400": "A bad or missing `period`, or a bad `paper`, named",
    "401": "No `read` scope",
  },
});
addOpenApiOperation("/api/v1/reports/board.csv", "get", {
  summary: "The board report's data (SPEC 7) as CSV: one `section,metric,value` row per figure, exact amounts",
  scope: "read",
  parameters: [query("period", "A month (`2026-10`) or a quarter (`2026-Q4`)", { type: "string" }, true)],
  responses: {
    "200": { description: "The CSV, as the attachment `marginal-board-<period>.csv`", content: { "text/csv": { schema: { type: "string" } } } },
    "400": "A bad or missing `period`, named",
    "401": "No `read` scope",
  },
});

/** The OpenAPI 3.1 document for every `/api/v1` endpoint. */
const findingId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const findingRead = "`{ id, kind, key, title, total_usd, monthly_usd, people, first_seen, last_seen, evidence, owner, status, note, created_at, updated_at }`";
addOpenApiOperation("/api/v1/shadow-ai/findings", "get", {
  summary: "Shadow AI findings (SPEC 6), largest first: unsanctioned tools, duplicate spend, unattributed API spend, unknown keys or projects",
  scope: "read",
  parameters: [
    query("status", "Only these statuses (repeatable)", { type: "array", items: { type: "string", enum: ["open", "sanctioned", "to_retire", "dismissed"] } }),
    query("kind", "Only these kinds (repeatable)", { type: "array", items: { type: "string", enum: ["unsanctioned_tool", "duplicate_spend", "unattributed_api_spend", "unknown_key_or_project"] } }),
  ],
  responses: { "200": `\`{ findings: [${findingRead}] }\``, "400": "A bad filter, named", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/shadow-ai/findings/{id}", "patch", {
  summary: "Set a finding's status, owner or note (kept across audits), audited",
  scope: "manage",
  parameters: [findingId],
  requestBody: { required: true, ...json(jsonSchema(updateFindingSchema)) },
  responses: { "200": findingRead, "400": "Invalid fields", "401": "No `manage` scope", "404": "No such finding in this organization" },
});
addOpenApiOperation("/api/v1/shadow-ai/sanctioned-tools", "get", {
  summary: "The organization's approved AI tools (catalog ids) and central licenses",
  scope: "read",
  responses: { "200": "`{ sanctioned_tools: [{ vendor_id, vendor, product, note, licenses, created_at }] }`", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/shadow-ai/sanctioned-tools", "post", {
  summary: "Approve a catalog entry (or change its note and licenses); findings are recomputed",
  scope: "manage",
  requestBody: { required: true, ...json(jsonSchema(sanctionToolSchema)) },
  responses: { "201": "The sanctioned tool", "400": "Invalid fields or not a catalog id", "401": "No `manage` scope" },
});
addOpenApiOperation("/api/v1/shadow-ai/sanctioned-tools", "delete", {
  summary: "Remove a tool from the approved list; findings are recomputed",
  scope: "manage",
  parameters: [query("vendor_id", "The catalog id", { type: "string" }, true)],
  responses: { "204": "Removed", "400": "No vendor_id", "401": "No `manage` scope", "404": "Not on the list" },
});
addOpenApiOperation("/api/v1/shadow-ai/summary", "get", {
  summary: "AI spend per month inside governance (sanctioned tools and subscriptions, tracked API cost) and outside it (unsanctioned tools and subscriptions, billed but untracked API spend)",
  scope: "read",
  responses: { "200": "`{ currency, months: [{ month, sanctioned_usd, unsanctioned_usd, subscriptions_usd, tracked_api_usd, unattributed_api_usd, inside_usd, outside_usd }] }`; tracked cost per month in the organization's time zone, unattributed per UTC month as billed", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/shadow-ai/imports", "get", {
  summary: "History of expense, subscription and vendor-bill imports, newest first",
  scope: "read",
  responses: { "200": "`{ imports: [{ id, kind, file_name, rows, total_usd, created_at, created_by, undone_at }] }`", "401": "No `read` scope" },
});
addOpenApiOperation("/api/v1/shadow-ai/imports/{id}", "delete", {
  summary: "Undo an import: delete its rows, mark it undone (audited), recompute findings",
  scope: "manage",
  parameters: [findingId],
  responses: { "200": "`{ id, deleted }`", "401": "No `manage` scope", "404": "No such import in this organization", "409": "Already undone" },
});

export function buildOpenApiDocument(): Record<string, unknown> {
  const openApiPaths = Object.fromEntries(
    Object.entries(paths).map(([path, operations]) => [
      path,
      Object.fromEntries(
        Object.entries(operations).map(([method, { scope, summary, description, parameters, requestBody, responses }]) => [
          method,
          {
            summary,
            ...(description ? { description } : {}),
            ...(scope ? { security: [{ bearerKey: [] }, { session: [] }], "x-scope": scope } : { security: [] }),
            ...(parameters ? { parameters } : {}),
            ...(requestBody ? { requestBody } : {}),
            responses: Object.fromEntries(
              Object.entries(responses).map(([status, r]) => [status, typeof r === "string" ? { description: r, ...(Number(status) >= 400 ? json(ref("Error")) : {}) } : r]),
            ),
          },
        ]),
      ),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: { title: "Marginal API", version: "1", description: "AI FinOps: ingest inference events, read costs, runs and margins. Amounts are USD decimal strings." },
    paths: openApiPaths,
    components: {
      securitySchemes: {
        bearerKey: { type: "http", scheme: "bearer", description: "An API key (`mk_…`) with the scope the operation names in `x-scope`" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A signed-in browser session; `?org=<slug>` picks the organization" },
      },
      schemas: {
        Event: jsonSchema(eventSchema),
        Outcome: jsonSchema(outcomeSchema),
        Revenue: jsonSchema(revenueSchema),
        PriceOverride: jsonSchema(createPriceOverrideSchema),
        BatchResult: {
          type: "object",
          properties: {
            accepted: { type: "integer" },
            duplicates: { type: "integer" },
            rejected: { type: "integer" },
            errors: { type: "array", items: { type: "object", properties: { index: { type: "integer" }, id: { type: ["string", "null"] }, message: { type: "string" } } } },
          },
        },
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "string" }, issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } } },
        },
      },
    },
  };
}
