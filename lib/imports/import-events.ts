import "server-only";
import { z } from "zod";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { MAX_EVENTS_PER_BATCH, type NormalizedEvent } from "@/lib/ingest/schemas";
import { eventsFromCsv, eventsFromRows, type PreparedEvents } from "./events-from-csv";
import { columnMappingSchema, type ColumnMapping } from "./schemas";
import type { ImportColumn, ImportCommit, ImportInput, ImportKindDefinition, ImportPreview, ImportRowError } from "./types";

/** How many rejected rows a preview or a result lists, and how many events a preview shows. */
export const MAX_LISTED_ERRORS = 200;
export const SAMPLE_SIZE = 20;
/** Events per ingest call: the events API's batch size (1,000). */
const INGEST_CHUNK = MAX_EVENTS_PER_BATCH;

/** An event as the preview shows it: the wire fields, after defaults, with the row's CSV line. */
export type SampleEvent = {
  line: number | null;
  id: string;
  timestamp: string;
  provider: string;
  model: string;
  operation: string;
  usage: { input_tokens: number; output_tokens: number; cached_input_tokens: number; cache_write_tokens: number; reasoning_tokens: number };
  /** The cost the file gives; null when Marginal will price the call. */
  cost_usd: string | null;
  latency_ms: number | null;
  status: string;
  feature: string | null;
  team: string | null;
  customer: string | null;
  environment: string | null;
  workflow: string | null;
  run_id: string | null;
  step: string | null;
  user: string | null;
  tags: Record<string, string> | null;
};

/** A dry run of an events import; `duplicates` counts valid rows whose id the organization already has. */
export type EventsImportPreview = ImportPreview & { columns: ImportColumn[]; duplicates: number; sample: SampleEvent[] };
/** What an events import stored. */
export type EventsImportResult = ImportCommit;

function toSample(line: number | null, e: NormalizedEvent): SampleEvent {
  return {
    line,
    id: e.id,
    timestamp: e.timestamp.toISOString(),
    provider: e.provider,
    model: e.model,
    operation: e.operation,
    usage: {
      input_tokens: e.inputTokens,
      output_tokens: e.outputTokens,
      cached_input_tokens: e.cachedInputTokens,
      cache_write_tokens: e.cacheWriteTokens,
      reasoning_tokens: e.reasoningTokens,
    },
    cost_usd: e.reportedCostUsd,
    latency_ms: e.latencyMs,
    status: e.status,
    feature: e.feature,
    team: e.team,
    customer: e.customer,
    environment: e.environment,
    workflow: e.workflow,
    run_id: e.runId,
    step: e.step,
    user: e.user,
    tags: e.tags,
  };
}

function prepare(input: ImportInput): PreparedEvents {
  if (input.format === "json") return eventsFromRows(input.rows);
  const { mapping } = parseOrThrow(z.object({ mapping: columnMappingSchema.optional() }), { mapping: input.mapping });
  return eventsFromCsv(input.text, mapping);
}

function rowErrors(prepared: PreparedEvents): ImportRowError[] {
  const errors: ImportRowError[] = [];
  for (const row of prepared.rows) {
    if (row.message === null) continue;
    errors.push({ line: row.line, index: row.index, id: row.id, message: row.message });
    if (errors.length === MAX_LISTED_ERRORS) break;
  }
  return errors;
}

async function countStoredIds(ctx: OrgContext, ids: readonly string[]): Promise<number> {
  let stored = 0;
  for (let start = 0; start < ids.length; start += INGEST_CHUNK) {
    stored += await db.event.count({ where: { orgId: ctx.orgId, id: { in: ids.slice(start, start + INGEST_CHUNK) } } });
  }
  return stored;
}

async function previewPrepared(ctx: OrgContext, prepared: PreparedEvents): Promise<EventsImportPreview> {
  const validRows = prepared.rows.filter((r) => r.event !== null);
  return {
    columns: prepared.columns,
    warnings: prepared.warnings,
    rows: prepared.rows.length,
    valid: validRows.length,
    rejected: prepared.rows.length - validRows.length,
    duplicates: await countStoredIds(
      ctx,
      validRows.map((r) => r.event!.id),
    ),
    errors: rowErrors(prepared),
    sample: validRows.slice(0, SAMPLE_SIZE).map((r) => toSample(r.line, r.event!)),
  };
}

async function commitPrepared(ctx: OrgContext, prepared: PreparedEvents): Promise<EventsImportResult> {
  const events = prepared.rows.flatMap((r) => (r.event ? [r.event] : []));
  let accepted = 0;
  let duplicates = 0;
  // Each chunk is one atomic ingest (events, roll-ups and runs in one statement), so a failure
  // part-way leaves earlier chunks stored and later ones not. The import is idempotent by event
  // id: running the same file again after a failure stores what is missing and counts the rest
  // as duplicates, so retrying is safe.
  for (let start = 0; start < events.length; start += INGEST_CHUNK) {
    const result = await ingestEvents(ctx, events.slice(start, start + INGEST_CHUNK));
    accepted += result.accepted;
    duplicates += result.duplicates;
  }
  return { rows: prepared.rows.length, accepted, duplicates, rejected: prepared.rows.length - events.length, errors: rowErrors(prepared), warnings: prepared.warnings };
}

/** Dry run of a CSV import of events: the column mapping, counts, row errors and a sample. Stores nothing. */
export async function previewEventsImport(ctx: OrgContext, csvText: string, mapping?: ColumnMapping): Promise<EventsImportPreview> {
  return eventsImportKind.preview(ctx, { format: "csv", text: csvText, mapping });
}

/** Imports a CSV file of events: stores the valid rows, rejects the others with their line and reason. */
export async function commitEventsImport(ctx: OrgContext, csvText: string, mapping?: ColumnMapping): Promise<EventsImportResult> {
  return eventsImportKind.commit(ctx, { format: "csv", text: csvText, mapping });
}

/** `POST /api/v1/imports/events`: events from CSV or JSON rows, with the events API's rules. */
export const eventsImportKind = {
  permission: "ingest",
  jsonField: "events",
  async preview(ctx: OrgContext, input: ImportInput): Promise<EventsImportPreview> {
    authorizeOrThrow(ctx, "ingest");
    return previewPrepared(ctx, prepare(input));
  },
  async commit(ctx: OrgContext, input: ImportInput): Promise<EventsImportResult> {
    authorizeOrThrow(ctx, "ingest");
    return commitPrepared(ctx, prepare(input));
  },
} satisfies ImportKindDefinition;
