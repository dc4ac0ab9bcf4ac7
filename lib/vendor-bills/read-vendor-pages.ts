import type { z } from "zod";
import { detectVendorPage, type VendorFileKind } from "./detect-vendor-bill";
import { anthropicBucketSchema, costPageSchema, openAiBucketSchema, type Vendor } from "./schemas";
import type { RowError } from "./types";

/**
 * The walk both vendors' exports share: one page or an array of pages → time buckets → results.
 * It decides the vendor, checks the envelope, and hands each result to a reader with its bucket's
 * UTC date and its place in the file; the reader returns a row or the row's errors.
 */

export const FILE_PATH = "(file)";

export type ReportKind = VendorFileKind["report"];

/** Where a result sits: its bucket's UTC date and instant, and its path in the file. */
export type ResultPlace = { date: string; startsAt: string; rowRef: string };

export type ReadResult<Row> = (vendor: Vendor, result: unknown, place: ResultPlace) => Row | RowError[];

export type VendorPages<Row> = { vendor: Vendor | null; rows: Row[]; errors: RowError[] };

const VENDOR_NAMES: Record<Vendor, string> = { openai: "OpenAI", anthropic: "Anthropic" };
const ENDPOINTS: Record<Vendor, Record<ReportKind, string>> = {
  openai: { costs: "GET /v1/organization/costs", usage: "GET /v1/organization/usage/completions" },
  anthropic: { costs: "GET /v1/organizations/cost_report", usage: "GET /v1/organizations/usage_report/messages" },
};
const REPORT_NAMES: Record<ReportKind, string> = { costs: "cost report (amounts)", usage: "usage report (token counts)" };

/** `base` and a Zod issue path as one place in the file: `data[2].results[0].amount.value`. */
export function joinPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || FILE_PATH;
}

/** The offending value, when it is short enough to quote in a message. */
function quoted(input: unknown): string {
  if (input === undefined || (typeof input === "object" && input !== null)) return "";
  const text = JSON.stringify(input);
  return text.length <= 40 ? ` (got ${text})` : "";
}

/** Zod's issues as row errors under `base` (parse with `reportInput: true` to quote the values). */
export function issuesAt(base: string, error: z.ZodError): RowError[] {
  return error.issues.map((issue) => ({ path: joinPath(base, issue.path), message: `${issue.message}${quoted(issue.input)}` }));
}

type Bucket = { startsAt: string; results: unknown[]; resultsKey: string };

/** One bucket's start instant (UTC, ISO) and results, or its errors. */
function readBucket(vendor: Vendor, bucket: unknown, path: string): Bucket | RowError[] {
  if (vendor === "openai") {
    const parsed = openAiBucketSchema.safeParse(bucket, { reportInput: true });
    if (!parsed.success) return issuesAt(path, parsed.error);
    const { results, result, start_time } = parsed.data;
    if (!results && !result) return [{ path: `${path}.results`, message: "is missing (an array of results)" }];
    const start = new Date(start_time * 1000);
    if (Number.isNaN(start.getTime())) return [{ path: `${path}.start_time`, message: "is not a date" }];
    return { startsAt: start.toISOString(), results: results ?? result ?? [], resultsKey: results ? "results" : "result" };
  }
  const parsed = anthropicBucketSchema.safeParse(bucket, { reportInput: true });
  if (!parsed.success) return issuesAt(path, parsed.error);
  const start = new Date(parsed.data.starting_at);
  if (Number.isNaN(start.getTime())) return [{ path: `${path}.starting_at`, message: "is not a date" }];
  return { startsAt: start.toISOString(), results: parsed.data.results, resultsKey: "results" };
}

/** The pages of the input: one page object, or an array of them (several exported pages pasted together). */
function pagesOf(json: unknown): { page: unknown; path: string }[] {
  return Array.isArray(json) ? json.map((page, i) => ({ page, path: `[${i}]` })) : [{ page: json, path: "" }];
}

/** Decides the file's vendor from its pages (and the caller's expectation), or says why it cannot. */
function decideVendor(pages: { page: unknown; path: string }[], report: ReportKind, expected: Vendor | undefined): Vendor | RowError[] {
  const known = pages.flatMap(({ page, path }) => {
    const kind = detectVendorPage(page);
    return kind ? [{ path, kind }] : [];
  });

  const other = known.find((k) => k.kind.report !== report);
  if (other) {
    const { vendor, report: found } = other.kind;
    return [
      {
        path: other.path || FILE_PATH,
        message: `this is a ${VENDOR_NAMES[vendor]} ${REPORT_NAMES[found]}, not a ${REPORT_NAMES[report]}: export ${ENDPOINTS[vendor][report]} instead`,
      },
    ];
  }
  const vendors = new Set(known.map((k) => k.kind.vendor));
  if (vendors.size > 1) {
    const anthropic = known.find((k) => k.kind.vendor === "anthropic");
    return [{ path: anthropic?.path || FILE_PATH, message: "the file mixes OpenAI and Anthropic pages; import each vendor's file on its own" }];
  }
  const [detected] = [...vendors];
  if (detected && expected && detected !== expected) {
    return [{ path: FILE_PATH, message: `this looks like an ${VENDOR_NAMES[detected]} export, not ${VENDOR_NAMES[expected]}` }];
  }
  const vendor = detected ?? expected;
  if (vendor) return vendor;
  return [
    {
      path: FILE_PATH,
      message: `not a vendor export: expected the JSON of ${ENDPOINTS.openai[report]} or ${ENDPOINTS.anthropic[report]} (a page { data: [buckets] }, or an array of pages)`,
    },
  ];
}

/** Walks a vendor export's pages and buckets, reading each result with `readResult`. */
export function readVendorPages<Row>(json: unknown, report: ReportKind, expected: Vendor | undefined, readResult: ReadResult<Row>): VendorPages<Row> {
  const pages = pagesOf(json);
  if (pages.length === 0) return { vendor: null, rows: [], errors: [{ path: FILE_PATH, message: "is an empty array: no pages" }] };

  const decided = decideVendor(pages, report, expected);
  if (Array.isArray(decided)) return { vendor: null, rows: [], errors: decided };
  const vendor = decided;

  const rows: Row[] = [];
  const errors: RowError[] = [];
  // The APIs page by bucket, so a bucket's start appears once; a repeat means a page pasted twice.
  const firstBucketAt = new Map<string, string>();

  for (const { page, path } of pages) {
    const parsedPage = costPageSchema.safeParse(page, { reportInput: true });
    if (!parsedPage.success) {
      errors.push(...issuesAt(path, parsedPage.error));
      continue;
    }
    parsedPage.data.data.forEach((rawBucket, b) => {
      const bucketPath = `${path ? `${path}.` : ""}data[${b}]`;
      const bucket = readBucket(vendor, rawBucket, bucketPath);
      if (Array.isArray(bucket)) {
        errors.push(...bucket);
        return;
      }
      const first = firstBucketAt.get(bucket.startsAt);
      if (first) {
        errors.push({ path: bucketPath, message: `a second bucket starting ${bucket.startsAt} (first at ${first}): was a page pasted twice? It would count twice` });
        return;
      }
      firstBucketAt.set(bucket.startsAt, bucketPath);
      const date = bucket.startsAt.slice(0, 10);
      bucket.results.forEach((result, r) => {
        const row = readResult(vendor, result, { date, startsAt: bucket.startsAt, rowRef: `${bucketPath}.${bucket.resultsKey}[${r}]` });
        if (Array.isArray(row)) errors.push(...row);
        else rows.push(row);
      });
    });
  }
  return { vendor, rows, errors };
}

/** The file's text as JSON, or the one error saying it is not JSON. */
export function parseJsonText(text: string): { json: unknown } | { error: RowError } {
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { error: { path: FILE_PATH, message: `is not JSON (${detail})` } };
  }
}
