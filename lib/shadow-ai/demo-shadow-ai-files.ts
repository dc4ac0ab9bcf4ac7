// The demo organization's Shadow AI files, built from templates and the demo's own tracked cost.
// Pure and deterministic: the same anchor day, templates and tracked cost give the same files.
import { fromUnits, toUnits } from "@/lib/format/decimal";

/** The months the CSV templates in prisma/demo/shadow-ai are written in: "last full month" and "current month". */
export const DEMO_TEMPLATE_MONTHS = { lastFull: "2026-10", current: "2026-11" } as const;

/** Tracked cost of one provider and model on one UTC day, as the hourly roll-ups sum it. */
export type TrackedDay = { provider: string; model: string; day: string; costUsd: string };

/** A workspace of the demo's Anthropic organization that Marginal has never seen: the unknown-project finding. */
export const DEMO_UNKNOWN_WORKSPACE = "wrkspc_01JqK7DemoResearchLab";
/** The model an uninstrumented service calls on OpenAI: the unattributed-spend finding. */
export const DEMO_UNTRACKED_OPENAI_MODEL = "gpt-4.1";
/** Untracked OpenAI spend in the last full month: a quarter of the tracked cost, at least this much. */
export const DEMO_UNTRACKED_MIN_USD = "300";

/** The catalog entries the demo organization has approved, with notes and licences. */
export const DEMO_SANCTIONED_TOOLS = [
  { vendor_id: "openai-api", note: "Production API, tracked in Marginal" },
  { vendor_id: "anthropic-api", note: "Production API, tracked in Marginal" },
  { vendor_id: "openai-chatgpt-business", note: "ChatGPT Enterprise, company-wide", licenses: 60 },
  { vendor_id: "github-copilot", note: "Copilot Business for all engineers", licenses: 40 },
] as const;

const DAY_MS = 86_400_000;

function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return y * 12 + m - 1;
}

function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Moves every `YYYY-MM-DD` in a template by the months between the template's current month and
 * `currentMonth` (the day is kept, or the month's last day). With `notAfter`, later dates become
 * that day, so card lines of the current month are never in the future.
 */
export function shiftTemplateDates(text: string, currentMonth: string, notAfter?: string): string {
  const shift = monthIndex(currentMonth) - monthIndex(DEMO_TEMPLATE_MONTHS.current);
  return text.replace(/\b(\d{4}-\d{2})-(\d{2})\b/g, (_, month: string, day: string) => {
    const target = addMonths(month, shift);
    const date = `${target}-${String(Math.min(Number(day), daysInMonth(target))).padStart(2, "0")}`;
    return notAfter && date > notAfter ? notAfter : date;
  });
}

// Dollars as OpenAI writes them (a JSON number), rounded down to 6 places so that a bill built
// from tracked cost never exceeds it by rounding.
function dollarsNumber(units: bigint): number {
  return Number(fromUnits((units / BigInt(10_000)) * BigInt(10_000)));
}

// Anthropic's amount: a decimal string of cents. Units are 1e-10 dollars, that is 1e-8 cents.
function centsText(units: bigint): string {
  const whole = units / BigInt(100_000_000);
  const fraction = (units % BigInt(100_000_000)).toString().padStart(8, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

function utcDays(from: string, toExclusive: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${toExclusive}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const ANTHROPIC_NAMES: Record<string, string> = { "claude-sonnet-4-20250514": "Claude Sonnet 4", "claude-haiku-4-5": "Claude Haiku 4.5" };

/**
 * The demo's vendor bills for the last full month and the current month up to `anchorDay`
 * (exclusive: only whole UTC days are billed), one bucket per day, built from tracked cost:
 * - OpenAI, grouped by line item: each model's tracked cost as input and output lines, plus in
 *   the last full month an uninstrumented service's `gpt-4.1` spend (a quarter of the month's
 *   tracked cost, at least $300): billed minus tracked is then over max($50, 10%).
 * - Anthropic, grouped by workspace and description: the default workspace bills what is tracked;
 *   in the last full month a workspace no event names bills $1.20 a day for 10 days (under the
 *   $50 floor, so it is an unknown project and not unattributed spend).
 */
export function buildDemoVendorBills(anchorDay: string, tracked: readonly TrackedDay[]) {
  const current = anchorDay.slice(0, 7);
  const lastFull = addMonths(current, -1);
  const days = utcDays(`${lastFull}-01`, anchorDay);
  const byDay = new Map<string, TrackedDay[]>();
  for (const t of tracked) byDay.set(`${t.provider}|${t.day}`, [...(byDay.get(`${t.provider}|${t.day}`) ?? []), t]);
  const modelsOf = (provider: string, day: string) => [...(byDay.get(`${provider}|${day}`) ?? [])].sort((a, b) => a.model.localeCompare(b.model));

  const lastFullDays = days.filter((d) => d.startsWith(lastFull));
  const trackedOpenAiLastFull = tracked.filter((t) => t.provider === "openai" && t.day.startsWith(lastFull)).reduce((sum, t) => sum + toUnits(t.costUsd), BigInt(0));
  const quarter = trackedOpenAiLastFull / BigInt(4);
  const untracked = quarter > toUnits(DEMO_UNTRACKED_MIN_USD) ? quarter : toUnits(DEMO_UNTRACKED_MIN_USD);
  const untrackedPerDay = lastFullDays.length > 0 ? untracked / BigInt(lastFullDays.length) : BigInt(0);

  const openaiResult = (units: bigint, lineItem: string) => ({
    object: "organization.costs.result",
    amount: { value: dollarsNumber(units), currency: "usd" },
    line_item: lineItem,
    project_id: null,
    api_key_id: null,
    organization_id: "org-MarginalDemo0001",
    organization_name: "Marginal Demo",
  });
  const openai = {
    object: "page",
    data: days.map((day) => {
      const start = Date.parse(`${day}T00:00:00Z`) / 1000;
      const results = modelsOf("openai", day).flatMap((t) => {
        const units = toUnits(t.costUsd);
        const input = (units * BigInt(6)) / BigInt(10);
        return [openaiResult(input, `${t.model}, input`), openaiResult(units - input, `${t.model}, output`)];
      });
      if (day.startsWith(lastFull) && untrackedPerDay > BigInt(0)) {
        const input = (untrackedPerDay * BigInt(7)) / BigInt(10);
        results.push(openaiResult(input, `${DEMO_UNTRACKED_OPENAI_MODEL}, input`), openaiResult(untrackedPerDay - input, `${DEMO_UNTRACKED_OPENAI_MODEL}, output`));
      }
      return { object: "bucket", start_time: start, end_time: start + DAY_MS / 1000, results };
    }),
    has_more: false,
    next_page: null,
  };

  const anthropicResult = (units: bigint, workspace: string | null, model: string, tokenType: "uncached_input_tokens" | "output_tokens") => ({
    currency: "USD",
    amount: centsText(units),
    workspace_id: workspace,
    description: `${ANTHROPIC_NAMES[model] ?? model} Usage - ${tokenType === "output_tokens" ? "Output" : "Input"} Tokens`,
    cost_type: "tokens",
    context_window: "0-200k",
    model,
    service_tier: "standard",
    token_type: tokenType,
  });
  const unknownDays = new Set(lastFullDays.slice(2, 12));
  const anthropic = {
    data: days.map((day) => {
      const results = modelsOf("anthropic", day).flatMap((t) => {
        const units = toUnits(t.costUsd);
        const input = (units * BigInt(55)) / BigInt(100);
        return [anthropicResult(input, null, t.model, "uncached_input_tokens"), anthropicResult(units - input, null, t.model, "output_tokens")];
      });
      if (unknownDays.has(day)) results.push(anthropicResult(toUnits("1.20"), DEMO_UNKNOWN_WORKSPACE, "claude-sonnet-4-20250514", "output_tokens"));
      return { starting_at: `${day}T00:00:00Z`, ending_at: `${new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`, results };
    }),
    has_more: false,
    next_page: null,
  };
  return { lastFull, current, openai, anthropic };
}
