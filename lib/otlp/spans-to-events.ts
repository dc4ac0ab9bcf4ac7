import type { EventInput } from "@/lib/ingest/schemas";
import { hasKeyWithPrefix, readCount, readFirstString, readString, toAttributeMap, type AttributeMap, type CountReading } from "./attribute-values";
import { AGENT_OPERATIONS, isModelCallOperation, toOperation } from "./operation-names";
import { normalizeOtlpId } from "./otlp-ids";
import { normalizeProviderName } from "./provider-names";
import type { ExportTraceRequest, OtlpSpan } from "./schemas";
import { elapsedMillis, parseUnixNanos, unixNanosToIso } from "./unix-nanos";

/** A model-call span that could not become an event, and why. */
export type RejectedSpan = { spanId: string; message: string };

/** The events an export yields (wire shape of `POST /api/v1/events`) and the spans rejected. */
export type SpansToEventsResult = { events: EventInput[]; rejected: RejectedSpan[] };

type FlatSpan = { span: OtlpSpan; attrs: AttributeMap; resource: AttributeMap; traceId: string | null; startNanos: bigint | null };

/** What a trace's agent and workflow spans say about all its spans. */
type TraceContext = { workflow?: string };

const ENVIRONMENT_KEYS = ["marginal.environment", "deployment.environment.name", "deployment.environment"];
const USER_KEYS = ["marginal.user", "user.id", "enduser.id"];
const TAG_KEYS = ["gen_ai.conversation.id", "gen_ai.response.id"];
const STATUS_ERROR = 2;

/**
 * Turns an OTLP trace export into Marginal events (SPEC 2.4): one per model-call span carrying
 * `gen_ai.usage.*`. Agent spans give their trace's workflow but are never events themselves,
 * since their usage repeats their children's. Other spans (HTTP, database, tools) are ignored.
 */
export function spansToEvents(request: ExportTraceRequest): SpansToEventsResult {
  const spans = flattenSpans(request);
  const traces = describeTraces(spans);
  const events: EventInput[] = [];
  const rejected: RejectedSpan[] = [];
  const ids = new Set<string>();
  for (const flat of spans) {
    const result = spanToEvent(flat, flat.traceId ? traces.get(flat.traceId) : undefined);
    if (result === null) continue;
    if ("message" in result) rejected.push(result);
    // A span sent twice in one export is one call; across exports the id makes it a duplicate.
    else if (!ids.has(result.id)) {
      ids.add(result.id);
      events.push(result);
    }
  }
  return { events, rejected };
}

function flattenSpans(request: ExportTraceRequest): FlatSpan[] {
  const flat: FlatSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = toAttributeMap(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        flat.push({
          span,
          attrs: toAttributeMap(span.attributes),
          resource,
          traceId: normalizeOtlpId(span.traceId, 16),
          startNanos: parseUnixNanos(span.startTimeUnixNano),
        });
      }
    }
  }
  return flat;
}

function isEarlier(a: bigint | null, b: bigint | null): boolean {
  return b === null || (a !== null && a < b);
}

// The outermost agent of a trace (the earliest to start) names its workflow, so every call of a
// run gets the same workflow even when agents nest. An invoke_workflow span, when there is one,
// names the workflow more precisely than any agent.
function describeTraces(spans: readonly FlatSpan[]): Map<string, TraceContext> {
  type Candidate = { name: string; rank: number; start: bigint | null };
  const best = new Map<string, Candidate>();
  for (const { attrs, traceId, startNanos } of spans) {
    if (!traceId) continue;
    const operation = readString(attrs, "gen_ai.operation.name");
    let candidate: Candidate | null = null;
    const workflowName = operation === "invoke_workflow" ? readString(attrs, "gen_ai.workflow.name") : undefined;
    const agentName = operation && AGENT_OPERATIONS.has(operation) ? readString(attrs, "gen_ai.agent.name") : undefined;
    if (workflowName) candidate = { name: workflowName, rank: 0, start: startNanos };
    else if (agentName) candidate = { name: agentName, rank: operation === "invoke_agent" ? 1 : 2, start: startNanos };
    if (!candidate) continue;
    const current = best.get(traceId);
    if (!current || candidate.rank < current.rank || (candidate.rank === current.rank && isEarlier(candidate.start, current.start))) {
      best.set(traceId, candidate);
    }
  }
  return new Map([...best].map(([traceId, c]) => [traceId, { workflow: c.name }]));
}

function readTokens(attrs: AttributeMap, keys: readonly string[]): CountReading {
  for (const key of keys) {
    const reading = readCount(attrs, key);
    if (reading.present) return reading;
  }
  return { present: false };
}

function countOf(reading: CountReading): number {
  return reading.present && "value" in reading ? reading.value : 0;
}

function spanToEvent(flat: FlatSpan, trace: TraceContext | undefined): EventInput | RejectedSpan | null {
  const { span, attrs, resource } = flat;
  const operationName = readString(attrs, "gen_ai.operation.name");
  if (!isModelCallOperation(operationName) || !hasKeyWithPrefix(attrs, "gen_ai.usage.")) return null;

  const spanId = normalizeOtlpId(span.spanId, 8);
  const reject = (message: string): RejectedSpan => ({ spanId: spanId ?? span.spanId ?? "(none)", message });
  if (!flat.traceId) return reject("traceId must be 32 hex characters and not all zero");
  if (!spanId) return reject("spanId must be 16 hex characters and not all zero");
  if (flat.startNanos === null) return reject("startTimeUnixNano is required");
  const provider = normalizeProviderName(readString(attrs, "gen_ai.provider.name") ?? readString(attrs, "gen_ai.system"));
  if (!provider) return reject(`${operationName} span has no provider: set gen_ai.provider.name`);
  const model = readString(attrs, "gen_ai.response.model") ?? readString(attrs, "gen_ai.request.model");
  if (!model) return reject(`${operationName} span has no model: set gen_ai.response.model or gen_ai.request.model`);

  // The deprecated prompt/completion names are still emitted by instrumentations on older conventions.
  const readings = {
    input: readTokens(attrs, ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"]),
    output: readTokens(attrs, ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"]),
    cacheRead: readTokens(attrs, ["gen_ai.usage.cache_read.input_tokens"]),
    cacheWrite: readTokens(attrs, ["gen_ai.usage.cache_creation.input_tokens"]),
    reasoning: readTokens(attrs, ["gen_ai.usage.reasoning.output_tokens"]),
  };
  for (const reading of Object.values(readings)) if (reading.present && "error" in reading) return reject(reading.error);
  const cacheRead = countOf(readings.cacheRead);
  const cacheWrite = countOf(readings.cacheWrite);
  const reasoning = countOf(readings.reasoning);
  let input = countOf(readings.input);
  let output = countOf(readings.output);
  // The GenAI conventions define input_tokens as including cache reads and writes (and
  // output_tokens as including reasoning), which is Marginal's meaning too, so they pass as they
  // are. An instrumentation that reports the provider's raw count instead (Anthropic's excludes
  // the cache) shows itself when the parts exceed the total: then the parts are added back.
  if (cacheRead + cacheWrite > input) input += cacheRead + cacheWrite;
  if (reasoning > output) output += reasoning;

  const either = (key: string) => readString(attrs, key) ?? readString(resource, key);
  const statusCode = span.status?.code;
  const failed = statusCode === STATUS_ERROR || statusCode === "STATUS_CODE_ERROR" || readString(attrs, "error.type") !== undefined;
  const tags: Record<string, string> = {};
  for (const key of TAG_KEYS) {
    const value = readString(attrs, key);
    if (value !== undefined && value.length <= 256) tags[key] = value;
  }

  const event: EventInput = {
    id: `${flat.traceId}:${spanId}`,
    timestamp: unixNanosToIso(flat.startNanos),
    provider,
    model,
    operation: toOperation(operationName),
    usage: { input_tokens: input, output_tokens: output, cached_input_tokens: cacheRead, cache_write_tokens: cacheWrite, reasoning_tokens: reasoning },
    latency_ms: elapsedMillis(flat.startNanos, parseUnixNanos(span.endTimeUnixNano)) ?? undefined,
    status: failed ? "error" : "ok",
    feature: either("marginal.feature") ?? readString(resource, "service.name"),
    team: either("marginal.team"),
    customer: either("marginal.customer"),
    environment: readFirstString(attrs, ENVIRONMENT_KEYS) ?? readFirstString(resource, ENVIRONMENT_KEYS),
    workflow: readString(attrs, "marginal.workflow") ?? trace?.workflow ?? readString(attrs, "gen_ai.agent.name") ?? readString(resource, "marginal.workflow"),
    run_id: flat.traceId,
    step: either("marginal.step"),
    user: readFirstString(attrs, USER_KEYS) ?? readFirstString(resource, USER_KEYS),
    tags: Object.keys(tags).length > 0 ? tags : undefined,
  };
  return withoutUndefined(event);
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
