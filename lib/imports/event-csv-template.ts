import { toCsv } from "@/lib/csv/to-csv";

const TEMPLATE_HEADER = [
  "id",
  "timestamp",
  "provider",
  "model",
  "operation",
  "input_tokens",
  "output_tokens",
  "cached_input_tokens",
  "cost_usd",
  "latency_ms",
  "status",
  "feature",
  "team",
  "customer",
  "environment",
  "workflow",
  "run_id",
  "step",
  "user",
  "tag.region",
];

/**
 * A small example file: the header row and two events from the day before `now` (so they are
 * valid when imported as they are): one with its cost, one left for Marginal to price.
 */
export function buildEventsCsvTemplate(now: Date = new Date()): string {
  const day = new Date(now.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  return toCsv(TEMPLATE_HEADER, [
    [`example-${day}-1`, `${day}T09:00:00Z`, "openai", "gpt-4o-mini", "chat", 1200, 300, 200, "0.00036", 850, "ok", "support-bot", "cx", "acme", "prod", "answer-ticket", `run-${day}-1`, "draft", "u-42", "eu"],
    [`example-${day}-2`, `${day}T09:00:02Z`, "anthropic", "claude-sonnet-4-5", "chat", 5400, 700, 0, "", 2300, "ok", "support-bot", "cx", "acme", "prod", "answer-ticket", `run-${day}-1`, "review", "u-42", "eu"],
  ]);
}
