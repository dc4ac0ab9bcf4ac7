// The demo organization's data: 90 days of AI calls of a mid-sized SaaS company, generated from a
// seed so every run of the generator (and every test) sees the same rows. Pure: no database, no
// clock; `now` is an input. The fast loader (`scripts/demo-load.ts`) and the ingest benchmark
// stream the same days at other volumes through `iterateDemoDays`.
import type { CreatePriceOverrideInput } from "@/lib/price-overrides/schemas";
import type { RevenueInput } from "@/lib/revenue/schemas";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Days, weekends and hours are UTC ones: the demo organization keeps the default time zone.

/** About this many events a day on average: 90 days come to ~120,000, about 15 s to load on PGlite. */
export const DEMO_EVENTS_PER_DAY = 1_330;

/** One generated call, in the wire shape of `POST /api/v1/events` (SPEC 2.1). */
export type DemoEvent = {
  id: string;
  timestamp: string;
  provider: string;
  model: string;
  operation: "chat" | "embedding";
  usage: { input_tokens: number; output_tokens: number; cached_input_tokens: number; cache_write_tokens: number; reasoning_tokens: number };
  latency_ms: number;
  status: "ok" | "error";
  feature: string;
  team: string;
  environment: string;
  customer?: string;
  workflow?: string;
  run_id?: string;
  step?: string;
  user?: string;
  tags?: Record<string, string>;
};

/** One run's outcome, in the wire shape of `POST /api/v1/outcomes` (SPEC 2.3). */
export type DemoOutcome = { run_id: string; outcome: "success" | "failure" | "abandoned"; value_usd?: string; timestamp: string };

export type DemoDataOptions = {
  now: Date;
  /** Calendar days ending today (today is partial, up to `now`). Default 90. */
  days?: number;
  seed?: number;
  /** Events in the whole period, incident included. Default DEMO_EVENTS_PER_DAY a day. */
  events?: number;
  /** Prefix of event and run ids, so several generated sets can live in one organization. */
  idPrefix?: string;
};

/** One generated calendar day: its events in time order, and the outcomes of its runs. */
export type DemoDay = { index: number; date: string; events: DemoEvent[]; outcomes: DemoOutcome[] };

/** What was planted in the data, for tests and for the people reading the demo. */
export type DemoFacts = {
  start: string;
  end: string;
  incident: { date: string; workflow: string; runIds: string[] };
  priceChange: { provider: string; discountPct: string; effectiveFrom: string };
};

export type DemoData = {
  events: DemoEvent[];
  outcomes: DemoOutcome[];
  revenue: RevenueInput[];
  priceOverrides: CreatePriceOverrideInput[];
  facts: DemoFacts;
};

// ---------------------------------------------------------------------------------------------
// Random numbers: mulberry32, seeded per day so any day can be generated on its own.

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mixSeed(seed: number, salt: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
/** Token counts spread like real ones: many small calls, a long tail of big ones. */
const logBetween = (rng: Rng, [lo, hi]: readonly [number, number]) => Math.round(Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo))));

function pickWeighted<T>(rng: Rng, items: readonly (readonly [number, T])[]): T {
  let total = 0;
  for (const [w] of items) total += w;
  let r = rng() * total;
  for (const [w, item] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][1];
}

// ---------------------------------------------------------------------------------------------
// The company: models, features, workflows, customers.

type ModelSpec = { provider: string; model: string; operation?: "embedding"; baseMs: number; msPerOutput: number };

/** Nine models from five providers; every one but the self-hosted model is in the price catalog. */
export const DEMO_MODELS = {
  "gpt-4o": { provider: "openai", model: "gpt-4o", baseMs: 450, msPerOutput: 12 },
  "gpt-4o-mini": { provider: "openai", model: "gpt-4o-mini", baseMs: 300, msPerOutput: 7 },
  "o3-mini": { provider: "openai", model: "o3-mini", baseMs: 900, msPerOutput: 9 },
  "text-embedding-3-small": { provider: "openai", model: "text-embedding-3-small", operation: "embedding", baseMs: 60, msPerOutput: 0 },
  "claude-sonnet-4": { provider: "anthropic", model: "claude-sonnet-4-20250514", baseMs: 700, msPerOutput: 14 },
  "claude-haiku-4-5": { provider: "anthropic", model: "claude-haiku-4-5", baseMs: 350, msPerOutput: 6 },
  "gemini-2.5-flash": { provider: "google", model: "gemini-2.5-flash", baseMs: 400, msPerOutput: 4 },
  "mistral-small": { provider: "mistral", model: "mistral-small-latest", baseMs: 280, msPerOutput: 6 },
  "llama-3.1-70b": { provider: "self_hosted", model: "llama-3.1-70b", baseMs: 500, msPerOutput: 18 },
} as const satisfies Record<string, ModelSpec>;
type ModelKey = keyof typeof DEMO_MODELS;

/**
 * One call's shape. `cache`: a prompt prefix of `prefix` tokens that hits the provider's cache
 * with `hitRate`; on a miss Anthropic writes it (`writes`), OpenAI caches silently in 128-token
 * steps from 1,024 tokens. `reasoning`: share of calls that think, and how much.
 */
type CallShape = {
  model: ModelKey;
  input: readonly [number, number];
  output: readonly [number, number];
  cache?: { prefix: readonly [number, number]; hitRate: number; writes: boolean };
  reasoning?: { share: number; tokens: readonly [number, number] };
};

type FeatureSpec = { team: string; customerFacing: boolean; endUsers: boolean; calls: readonly (readonly [number, CallShape])[] };

const FEATURES = {
  "support-chat": {
    team: "support",
    customerFacing: true,
    endUsers: true,
    calls: [
      [0.7, { model: "claude-haiku-4-5", input: [300, 2500], output: [80, 500], cache: { prefix: [1800, 3500], hitRate: 0.86, writes: true } }],
      [0.3, { model: "gpt-4o-mini", input: [200, 1800], output: [60, 400], cache: { prefix: [1100, 2200], hitRate: 0.55, writes: false } }],
    ],
  },
  "doc-search": {
    team: "platform",
    customerFacing: true,
    endUsers: false,
    calls: [
      [0.5, { model: "text-embedding-3-small", input: [12, 400], output: [0, 0] }],
      [0.35, { model: "gpt-4o-mini", input: [1500, 7000], output: [120, 450], cache: { prefix: [1100, 1500], hitRate: 0.6, writes: false } }],
      [0.15, { model: "gemini-2.5-flash", input: [3000, 12000], output: [150, 600], reasoning: { share: 0.3, tokens: [100, 800] } }],
    ],
  },
  summarizer: {
    team: "platform",
    customerFacing: true,
    endUsers: false,
    calls: [
      [0.5, { model: "gemini-2.5-flash", input: [4000, 40000], output: [250, 1200], reasoning: { share: 0.4, tokens: [200, 1500] } }],
      [0.3, { model: "mistral-small", input: [2000, 16000], output: [200, 900] }],
      [0.2, { model: "gpt-4o", input: [3000, 20000], output: [300, 1000] }],
    ],
  },
  translation: {
    team: "localization",
    customerFacing: true,
    endUsers: false,
    calls: [
      [0.55, { model: "llama-3.1-70b", input: [300, 3000], output: [300, 3300] }],
      [0.35, { model: "mistral-small", input: [300, 3000], output: [300, 3300] }],
      [0.1, { model: "gpt-4o-mini", input: [300, 3000], output: [300, 3300] }],
    ],
  },
  "code-review": {
    team: "devex",
    customerFacing: false,
    endUsers: false,
    calls: [
      [0.6, { model: "gpt-4o", input: [3000, 18000], output: [200, 1500] }],
      [0.4, { model: "o3-mini", input: [2000, 12000], output: [300, 2000], reasoning: { share: 1, tokens: [300, 4000] } }],
    ],
  },
  "lead-scoring": {
    team: "growth",
    customerFacing: false,
    endUsers: false,
    calls: [
      [0.8, { model: "gpt-4o-mini", input: [1200, 4000], output: [40, 200] }],
      [0.2, { model: "gemini-2.5-flash", input: [1500, 5000], output: [60, 300] }],
    ],
  },
} as const satisfies Record<string, FeatureSpec>;
type FeatureKey = keyof typeof FEATURES;

/** Share of each feature in the calls made outside workflow runs. */
const STANDALONE_MIX: readonly (readonly [number, FeatureKey])[] = [
  [0.3, "support-chat"],
  [0.25, "doc-search"],
  [0.15, "summarizer"],
  [0.14, "translation"],
  [0.06, "code-review"],
  [0.1, "lead-scoring"],
];

type WorkflowSpec = {
  feature: FeatureKey;
  calls: readonly [number, number];
  /** Chances of success and failure; the rest is abandoned. */
  outcome: { success: number; failure: number };
  value?: (rng: Rng) => string | undefined;
  first: readonly [string, CallShape];
  middle: readonly (readonly [number, readonly [string, CallShape]])[];
  last: readonly [string, CallShape];
};

const SONNET_DRAFT: CallShape = { model: "claude-sonnet-4", input: [800, 4000], output: [200, 900], cache: { prefix: [2500, 5000], hitRate: 0.8, writes: true } };

const WORKFLOWS = {
  "ticket-resolver": {
    feature: "support-chat",
    calls: [3, 10],
    outcome: { success: 0.84, failure: 0.09 },
    value: () => "4.50",
    first: ["classify", { model: "claude-haiku-4-5", input: [400, 1500], output: [20, 80], cache: { prefix: [1200, 2000], hitRate: 0.9, writes: true } }],
    middle: [
      [0.4, ["retrieve", { model: "text-embedding-3-small", input: [20, 300], output: [0, 0] }]],
      [0.4, ["lookup-order", { model: "claude-haiku-4-5", input: [600, 3000], output: [40, 200], cache: { prefix: [1200, 2000], hitRate: 0.9, writes: true } }]],
      [0.2, ["revise", SONNET_DRAFT]],
    ],
    last: ["draft-reply", SONNET_DRAFT],
  },
  "pr-reviewer": {
    feature: "code-review",
    calls: [4, 12],
    outcome: { success: 0.88, failure: 0.08 },
    first: ["plan", { model: "o3-mini", input: [2000, 9000], output: [200, 800], reasoning: { share: 1, tokens: [500, 4000] } }],
    middle: [[1, ["review-file", { model: "gpt-4o", input: [2000, 15000], output: [150, 900] }]]],
    last: ["summarize", { model: "gpt-4o-mini", input: [2000, 8000], output: [200, 600] }],
  },
  "lead-qualifier": {
    feature: "lead-scoring",
    calls: [3, 6],
    outcome: { success: 0.74, failure: 0.14 },
    // Qualified leads carry the pipeline value sales puts on them; the others none yet.
    value: (rng) => (rng() < 0.6 ? `${between(rng, 20, 150)}.${String(between(rng, 0, 99)).padStart(2, "0")}` : undefined),
    first: ["enrich", { model: "gemini-2.5-flash", input: [1500, 6000], output: [100, 400], reasoning: { share: 0.2, tokens: [100, 500] } }],
    middle: [[1, ["score", { model: "gpt-4o-mini", input: [1200, 4000], output: [40, 200] }]]],
    last: ["draft-email", { model: "mistral-small", input: [800, 2500], output: [150, 400] }],
  },
  "research-agent": {
    feature: "doc-search",
    calls: [5, 12],
    outcome: { success: 0.71, failure: 0.17 },
    first: ["plan", { model: "claude-sonnet-4", input: [1500, 4000], output: [150, 500] }],
    middle: [
      [0.5, ["search", { model: "text-embedding-3-small", input: [20, 200], output: [0, 0] }]],
      [0.5, ["read", { model: "llama-3.1-70b", input: [3000, 12000], output: [200, 600] }]],
    ],
    last: ["answer", { model: "claude-sonnet-4", input: [6000, 20000], output: [400, 1500] }],
  },
} as const satisfies Record<string, WorkflowSpec>;
type WorkflowKey = keyof typeof WORKFLOWS;

/** Share of each workflow in the calls made inside runs. */
const WORKFLOW_MIX: readonly (readonly [number, WorkflowKey])[] = [
  [0.35, "ticket-resolver"],
  [0.2, "pr-reviewer"],
  [0.25, "lead-qualifier"],
  [0.2, "research-agent"],
];
/** Share of a day's calls made inside workflow runs. */
const RUN_SHARE = 0.4;

/** The workflow that loops on the incident day, and how long its runaway runs go on. */
const INCIDENT_WORKFLOW: WorkflowKey = "research-agent";
const INCIDENT_CALLS: readonly [number, number] = [110, 320];

const CUSTOMERS = [
  "acme", "globex", "initech", "umbrella", "hooli", "stark-industries", "wayne-enterprises", "wonka", "tyrell", "cyberdyne",
  "soylent", "vandelay", "pied-piper", "massive-dynamic", "aperture", "oscorp", "gringotts", "monsters-inc", "dunder-mifflin", "bluth-co",
] as const;
// Zipf-like: the first customer makes about a sixth of the traffic, the last a fiftieth of that.
const CUSTOMER_MIX = CUSTOMERS.map((c, i) => [1 / Math.pow(i + 1, 1.1), c] as const);
const ENVIRONMENT_MIX = [[0.88, "prod"], [0.09, "staging"], [0.03, "dev"]] as const;
const CHANNEL_MIX = [[0.6, "web"], [0.25, "email"], [0.15, "slack"]] as const;
const DOC_TYPE_MIX = [[0.5, "pdf"], [0.3, "email"], [0.2, "transcript"]] as const;

// UTC hours: Europe's morning, then the US day on top of it.
const HOUR_WEIGHTS = [0.35, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.8, 1.0, 1.1, 1.1, 1.1, 1.1, 1.3, 1.5, 1.5, 1.4, 1.3, 1.1, 0.9, 0.8, 0.7, 0.55, 0.45];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const WEEKEND_FACTOR = 0.4;
const GROWTH = 0.4;
const ERROR_RATE = 0.012;

/** Revenue per call billed to customers, by feature (usage-based plans); big customers pay less. */
// In hundredths of a cent, so revenue is computed in whole numbers and never rounded twice.
const REVENUE_PER_CALL: Partial<Record<FeatureKey, number>> = {
  "support-chat": 120,
  "doc-search": 120,
  summarizer: 300,
  translation: 80,
};

/** The self-hosted model's price (GPU cost per token) and the provider discount that starts mid-period. */
const SELF_HOSTED_PRICE = { input_price: "0.00000035", output_price: "0.0000004" } as const;
const ANTHROPIC_DISCOUNT_PCT = "12";

// ---------------------------------------------------------------------------------------------
// Planning: how many events each day gets.

type DayPlan = { index: number; date: string; start: number; end: number; target: number; incidentRuns: number[] };
type Plan = { days: DayPlan[]; start: number; end: number; seed: number; idPrefix: string; incidentDay: number };

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The weight of the part of a day before `end`, from the hour weights. */
function dayFraction(start: number, end: number): number {
  let weight = 0;
  for (let h = 0; h < 24; h++) {
    const from = start + h * HOUR_MS;
    if (from >= end) break;
    weight += HOUR_WEIGHTS[h] * Math.min(1, (end - from) / HOUR_MS);
  }
  return weight / HOUR_TOTAL;
}

function planDays(options: DemoDataOptions): Plan {
  const days = options.days ?? 90;
  if (!Number.isInteger(days) || days < 1) throw new RangeError("days must be a whole number ≥ 1");
  const seed = options.seed ?? 42;
  const idPrefix = options.idPrefix ?? "demo";
  const now = options.now.getTime();
  // Nothing in the last minute, so no event is ever "in the future" for a server a bit behind.
  const end = now - 60_000;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const start = today - (days - 1) * DAY_MS;
  const total = options.events ?? Math.round(days * DEMO_EVENTS_PER_DAY);

  // The incident: a few runs of one workflow loop for 100+ calls, yesterday (the last full day),
  // so a fresh demo shows it where people look first: a red workflow cap this month and an
  // anomaly of the last days.
  const incidentDay = days === 1 ? 0 : days - 2;
  const incidentRng = mulberry32(mixSeed(seed, 1_000_003));
  const incidentRuns = Array.from({ length: Math.max(2, Math.round(total / 30_000)) }, () => between(incidentRng, INCIDENT_CALLS[0], INCIDENT_CALLS[1]));
  const incidentEvents = incidentRuns.reduce((a, b) => a + b, 0);
  if (total < incidentEvents + 50 * days) throw new RangeError(`events must be at least ${incidentEvents + 50 * days} for ${days} days`);

  const raw = Array.from({ length: days }, (_, index) => {
    const dayStart = start + index * DAY_MS;
    const dayEnd = Math.min(dayStart + DAY_MS, end);
    const weekday = new Date(dayStart).getUTCDay();
    const seasonal = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1;
    const growth = 1 + GROWTH * (days === 1 ? 0 : index / (days - 1));
    return { index, dayStart, dayEnd, weight: dayEnd > dayStart ? seasonal * growth * dayFraction(dayStart, dayEnd) : 0 };
  });
  // Largest remainders, so the days add up to exactly the events asked for.
  const budget = total - incidentEvents;
  const weightSum = raw.reduce((a, d) => a + d.weight, 0);
  const shares = raw.map((d) => (budget * d.weight) / weightSum);
  const targets = shares.map(Math.floor);
  let left = budget - targets.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) targets[byRemainder[k % days][1]]++;

  return {
    start,
    end,
    seed,
    idPrefix,
    incidentDay,
    days: raw.map((d) => ({
      index: d.index,
      date: utcDate(d.dayStart),
      start: d.dayStart,
      end: d.dayEnd,
      target: targets[d.index],
      incidentRuns: d.index === incidentDay ? incidentRuns : [],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// One day.

// The id and timestamp are filled in once the day is sorted by time.
type Draft = { at: number; event: DemoEvent };
type Attribution = Pick<DemoEvent, "feature" | "team" | "environment" | "customer" | "workflow" | "run_id" | "user" | "tags">;

/** A time in the day, following the hour weights, before `end`. */
function sampleTime(rng: Rng, day: DayPlan): number {
  const limit = day.end - day.start;
  let total = 0;
  for (let h = 0; h < 24 && h * HOUR_MS < limit; h++) total += HOUR_WEIGHTS[h] * Math.min(1, (limit - h * HOUR_MS) / HOUR_MS);
  let r = rng() * total;
  for (let h = 0; h < 24; h++) {
    const span = Math.min(HOUR_MS, limit - h * HOUR_MS);
    const w = HOUR_WEIGHTS[h] * (span / HOUR_MS);
    if (r < w || h === 23 || (h + 1) * HOUR_MS >= limit) return day.start + h * HOUR_MS + Math.floor(rng() * span);
    r -= w;
  }
  return day.start;
}

function makeCall(rng: Rng, shape: CallShape, attribution: Attribution, step: string | undefined, at: number): Draft {
  const spec: ModelSpec = DEMO_MODELS[shape.model];
  let input = logBetween(rng, shape.input);
  let cached = 0;
  let cacheWrite = 0;
  if (shape.cache) {
    const prefix = logBetween(rng, shape.cache.prefix);
    input += prefix;
    if (rng() < shape.cache.hitRate) cached = shape.cache.writes ? prefix : prefix >= 1024 ? Math.floor(prefix / 128) * 128 : 0;
    else if (shape.cache.writes) cacheWrite = prefix;
  }
  let output = spec.operation === "embedding" ? 0 : logBetween(rng, shape.output);
  let reasoning = 0;
  if (shape.reasoning && rng() < shape.reasoning.share) {
    reasoning = logBetween(rng, shape.reasoning.tokens);
    output += reasoning;
  }
  const failed = rng() < ERROR_RATE;
  if (failed) {
    output = 0;
    reasoning = 0;
  }
  const jitter = 0.7 + rng() * 0.9;
  const latency = Math.round(spec.baseMs * jitter * (failed ? 0.4 : 1) + output * spec.msPerOutput * jitter + (input / 1000) * 15);
  // Every key always present (undefined when absent, which JSON leaves out): one object shape,
  // which keeps generating millions of these fast.
  const event: DemoEvent = {
    id: "",
    timestamp: "",
    provider: spec.provider,
    model: spec.model,
    operation: spec.operation ?? "chat",
    usage: { input_tokens: input, output_tokens: output, cached_input_tokens: cached, cache_write_tokens: cacheWrite, reasoning_tokens: reasoning },
    latency_ms: latency,
    status: failed ? "error" : "ok",
    feature: attribution.feature,
    team: attribution.team,
    environment: attribution.environment,
    customer: attribution.customer,
    workflow: attribution.workflow,
    run_id: attribution.run_id,
    step,
    user: attribution.user,
    tags: attribution.tags,
  };
  return { at, event };
}

function attributionFor(rng: Rng, feature: FeatureKey, plan: Plan, day: DayPlan): Attribution {
  const spec: FeatureSpec = FEATURES[feature];
  const environment = pickWeighted(rng, ENVIRONMENT_MIX);
  const attribution: Attribution = { feature, team: spec.team, environment };
  // Staging and dev traffic is the company's own testing: no customer behind it.
  if (spec.customerFacing && environment === "prod") attribution.customer = pickWeighted(rng, CUSTOMER_MIX);
  if (spec.endUsers) attribution.user = `u-${between(rng, 1000, 9999)}`;
  if (feature === "support-chat") {
    const promptVersion = day.start < plan.start + (plan.end - plan.start) * 0.45 ? "v7" : "v8";
    attribution.tags = { channel: pickWeighted(rng, CHANNEL_MIX), prompt_version: promptVersion };
  } else if (feature === "summarizer") {
    attribution.tags = { doc_type: pickWeighted(rng, DOC_TYPE_MIX) };
  }
  return attribution;
}

type RunDraft = { runId: string; calls: Draft[]; outcome: DemoOutcome["outcome"]; value?: string };

function makeRun(rng: Rng, plan: Plan, day: DayPlan, workflow: WorkflowKey, runId: string, calls: number, runaway: boolean): RunDraft {
  const spec: WorkflowSpec = WORKFLOWS[workflow];
  const attribution: Attribution = { ...attributionFor(rng, spec.feature, plan, day), workflow, run_id: runId };
  if (runaway) {
    // The incident hits the biggest customer's production traffic in the afternoon.
    attribution.environment = "prod";
    attribution.customer = CUSTOMERS[0];
  }
  let at = runaway ? Math.min(day.start + 13 * HOUR_MS + Math.floor(rng() * 4 * HOUR_MS), day.end - 3 * HOUR_MS) : sampleTime(rng, day);
  at = Math.max(day.start, at);
  const drafts: Draft[] = [];
  for (let i = 0; i < calls; i++) {
    let step: string;
    let shape: CallShape;
    if (i === 0) [step, shape] = spec.first;
    else if (i === calls - 1 && !runaway) [step, shape] = spec.last;
    else if (runaway && i % 2 === 0) {
      // The loop: each reflection re-reads everything found so far, so the context keeps growing.
      const context = Math.min(150_000, 6_000 + i * 450);
      [step, shape] = ["reflect", { model: "claude-sonnet-4", input: [context, context + 2000], output: [200, 700] }];
    } else [step, shape] = pickWeighted(rng, spec.middle);
    const call = makeCall(rng, shape, attribution, step, Math.min(at, day.end - 1));
    drafts.push(call);
    at += call.event.latency_ms + between(rng, 50, 1500);
  }
  let outcome: DemoOutcome["outcome"];
  if (runaway) outcome = rng() < 0.5 ? "failure" : "abandoned";
  else {
    const r = rng();
    outcome = r < spec.outcome.success ? "success" : r < spec.outcome.success + spec.outcome.failure ? "failure" : "abandoned";
  }
  const value = outcome === "success" && spec.value ? spec.value(rng) : undefined;
  return { runId, calls: drafts, outcome, value };
}

function generateDay(plan: Plan, day: DayPlan): DemoDay {
  const rng = mulberry32(mixSeed(plan.seed, day.index));
  const compact = day.date.replaceAll("-", "");
  const drafts: Draft[] = [];
  const outcomes: DemoOutcome[] = [];
  let runSeq = 0;
  const addRun = (run: RunDraft) => {
    for (const call of run.calls) drafts.push(call);
    const last = run.calls[run.calls.length - 1];
    const at = Math.min(last.at + last.event.latency_ms + between(rng, 500, 30_000), plan.end);
    const outcome: DemoOutcome = { run_id: run.runId, outcome: run.outcome, timestamp: new Date(at).toISOString() };
    if (run.value !== undefined) outcome.value_usd = run.value;
    outcomes.push(outcome);
  };

  for (const calls of day.incidentRuns) {
    addRun(makeRun(rng, plan, day, INCIDENT_WORKFLOW, `${plan.idPrefix}-run-${compact}-${String(++runSeq).padStart(6, "0")}`, calls, true));
  }
  const incidentCalls = drafts.length;
  const runBudget = Math.floor(day.target * RUN_SHARE);
  let runCalls = 0;
  while (runCalls < runBudget) {
    const workflow = pickWeighted(rng, WORKFLOW_MIX);
    const [lo, hi] = WORKFLOWS[workflow].calls;
    const calls = Math.min(between(rng, lo, hi), day.target - runCalls);
    if (calls < lo) break;
    addRun(makeRun(rng, plan, day, workflow, `${plan.idPrefix}-run-${compact}-${String(++runSeq).padStart(6, "0")}`, calls, false));
    runCalls += calls;
  }
  for (let n = day.target - runCalls; n > 0; n--) {
    const feature = pickWeighted(rng, STANDALONE_MIX);
    const spec: FeatureSpec = FEATURES[feature];
    const shape = pickWeighted(rng, spec.calls);
    drafts.push(makeCall(rng, shape, attributionFor(rng, feature, plan, day), undefined, sampleTime(rng, day)));
  }
  if (drafts.length !== day.target + incidentCalls) throw new Error("demo day lost events");

  drafts.sort((a, b) => a.at - b.at);
  const events = new Array<DemoEvent>(drafts.length);
  const idStem = `${plan.idPrefix}-${compact}-`;
  for (let i = 0; i < drafts.length; i++) {
    const { at, event } = drafts[i];
    event.id = idStem + String(i + 1).padStart(7, "0");
    event.timestamp = new Date(at).toISOString();
    events[i] = event;
  }
  return { index: day.index, date: day.date, events, outcomes };
}

// ---------------------------------------------------------------------------------------------
// The public functions.

/** The demo days one by one, oldest first: the streaming form, for volumes that do not fit in memory. */
export function* iterateDemoDays(options: DemoDataOptions): Generator<DemoDay> {
  const plan = planDays(options);
  for (const day of plan.days) yield generateDay(plan, day);
}

/** The price overrides the demo organization has: the self-hosted model's price, and a provider discount from mid-period. */
export function demoPriceOverrides(options: DemoDataOptions): { overrides: CreatePriceOverrideInput[]; priceChange: DemoFacts["priceChange"] } {
  const plan = planDays(options);
  const discountFrom = utcDate(plan.days[Math.floor(plan.days.length / 2)].start);
  return {
    overrides: [
      { kind: "custom", provider: "self_hosted", model: DEMO_MODELS["llama-3.1-70b"].model, ...SELF_HOSTED_PRICE, effective_from: utcDate(plan.start - 30 * DAY_MS) },
      { kind: "discount", provider: "anthropic", discount_pct: ANTHROPIC_DISCOUNT_PCT, effective_from: discountFrom },
    ],
    priceChange: { provider: "anthropic", discountPct: ANTHROPIC_DISCOUNT_PCT, effectiveFrom: discountFrom },
  };
}

/** Counts billable calls per month, feature and customer, and turns them into revenue rows. */
export function createRevenueTally() {
  const counts = new Map<string, number>();
  return {
    add(event: Pick<DemoEvent, "timestamp" | "feature" | "customer" | "status">): void {
      if (!event.customer || event.status !== "ok" || REVENUE_PER_CALL[event.feature as FeatureKey] === undefined) return;
      const key = `${event.timestamp.slice(0, 7)}\n${event.feature}\n${event.customer}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    rows(): RevenueInput[] {
      return [...counts.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, calls]) => {
          const [month, feature, customer] = key.split("\n");
          const rank = CUSTOMERS.indexOf(customer as (typeof CUSTOMERS)[number]);
          const pricePct = rank < 3 ? 80 : rank < 8 ? 90 : 100;
          const cents = Math.round((calls * REVENUE_PER_CALL[feature as FeatureKey]! * pricePct) / 10_000);
          return { month, feature, customer, amount_usd: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}` };
        });
    },
  };
}

/** Everything the demo organization holds, generated from the seed (about 120,000 events for 90 days). */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const plan = planDays(options);
  const events: DemoEvent[] = [];
  const outcomes: DemoOutcome[] = [];
  const tally = createRevenueTally();
  let incident: DemoFacts["incident"] = { date: "", workflow: INCIDENT_WORKFLOW, runIds: [] };
  for (const day of plan.days) {
    const generated = generateDay(plan, day);
    for (const event of generated.events) {
      events.push(event);
      tally.add(event);
    }
    outcomes.push(...generated.outcomes);
    if (day.index === plan.incidentDay) {
      incident = { date: day.date, workflow: INCIDENT_WORKFLOW, runIds: generated.outcomes.slice(0, day.incidentRuns.length).map((o) => o.run_id) };
    }
  }
  const { overrides, priceChange } = demoPriceOverrides(options);
  return {
    events,
    outcomes,
    revenue: tally.rows(),
    priceOverrides: overrides,
    facts: { start: new Date(plan.start).toISOString(), end: new Date(plan.end).toISOString(), incident, priceChange },
  };
}
