import { readFileSync } from "node:fs";
import path from "node:path";

const OTLP_EXAMPLE = path.resolve(__dirname, "../../../shared/data/otlp-genai-example.json");

/**
 * One valid JSON body per route that takes one, keyed `METHOD template`. The fuzzer breaks one field
 * of it at a time, which reaches the validation a wholly random body never gets past. A route
 * missing here is still fuzzed with hostile bodies; add it to go deeper.
 */
export function validBodies(tag: string): Record<string, unknown> {
  const event = { id: `${tag}-fuzz`, timestamp: "2026-10-06T10:15:00Z", provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 10, output_tokens: 5, cached_input_tokens: 2 }, cost_usd: "0.01", feature: `${tag}-feature`, run_id: `${tag}-run`, tags: { region: "eu" } };
  return {
    "POST /api/v1/events": { events: [event] },
    "POST /api/v1/outcomes": { outcomes: [{ run_id: `${tag}-run`, outcome: "success", value_usd: "1.50", timestamp: "2026-10-06T10:20:00Z" }] },
    "POST /api/v1/revenue": { revenue: [{ month: "2026-10", feature: `${tag}-feature`, customer: `${tag}-customer`, amount_usd: "100.25" }] },
    "POST /api/v1/budgets": { name: `${tag} budget`, scope: { dimension: "feature", value: `${tag}-feature` }, period: "month", amount_usd: "500", yellow_pct: 80, red_pct: 100, workflow_cap_pct: 20, channels: [{ type: "webhook", url: "https://hooks.example.test/budget", secret: "s3cret-value" }] },
    "PATCH /api/v1/budgets/[id]": { name: `${tag} budget renamed`, amount_usd: "600", period: "week" },
    "POST /api/v1/action-items": { title: `${tag} action`, owner: `${tag} owner`, due_date: "2026-12-01", status: "open", note: "note", source: "review", week: "2026-W47" },
    "PATCH /api/v1/action-items/[id]": { title: `${tag} action renamed`, status: "in_progress", note: "note", due_date: "2026-12-02" },
    "POST /api/v1/prices": { kind: "custom", provider: "self_hosted", model: `${tag}-model`, input_price: "0.000001", output_price: "0.000002", cache_read_price: "0.0000001", effective_from: "2026-10-01", reprice: false },
    "POST /api/v1/shadow-ai/sanctioned-tools": { vendor_id: "openai-chatgpt", note: "approved", licenses: 5 },
    "PATCH /api/v1/shadow-ai/findings/[id]": { status: "dismissed", owner: `${tag} owner`, note: "reviewed" },
    "POST /api/v1/alerts/[id]/acknowledge": { note: "seen" },
    "POST /api/v1/imports/[kind]": {
      csv: `id,timestamp,provider,model,input_tokens,output_tokens,product\n${tag}-csv,2026-10-06T10:15:00Z,openai,gpt-4o-mini,10,5,${tag}-feature\n`,
      mapping: { product: "feature" },
    },
    "POST /api/v1/otlp/v1/traces": JSON.parse(readFileSync(OTLP_EXAMPLE, "utf8")) as unknown,
  };
}
