import { NextRequest } from "next/server";
import type { ApiRoute } from "./api-routes";
import { fillTemplate } from "./api-routes";

/** One generated request to a route handler. */
export type Probe = {
  params: Record<string, string | string[]>;
  query: [string, string][];
  /** Raw bytes or text as sent; undefined sends no body. */
  body?: string | Buffer;
  contentType?: string;
  /** When the body is a valid one with one field replaced: that field's key, which a 400 must name. */
  mutatedField?: string;
};

/** What came back, read once: the status, the media type and the body as text. */
export type ProbeResult = { status: number; contentType: string; text: string; url: string };

/** Calls the handler as Next.js would, with the bearer key, the query and the raw body. */
export async function sendProbe(route: ApiRoute, key: string, probe: Probe): Promise<ProbeResult> {
  const url = new URL(`http://localhost${fillTemplate(route.template, probe.params)}`);
  for (const [name, value] of probe.query) url.searchParams.append(name, value);
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (probe.contentType !== undefined) headers["content-type"] = probe.contentType;
  const sendsBody = probe.body !== undefined && route.method !== "GET";
  const req = new NextRequest(url, { method: route.method, headers, body: sendsBody ? (Buffer.isBuffer(probe.body) ? new Uint8Array(probe.body) : probe.body) : undefined });
  const res = await route.handler(req, { params: Promise.resolve(probe.params) });
  const contentType = res.headers.get("content-type") ?? "";
  // A PDF is binary: latin1 keeps every byte as one character so markers can still be searched.
  const text = contentType.startsWith("application/pdf") ? Buffer.from(await res.arrayBuffer()).toString("latin1") : await res.text();
  return { status: res.status, contentType, text, url: url.toString() };
}

/** Everything the client chose in a probe, as one text: what the answer may echo back. */
export function probeText(probe: Probe): string {
  const body = probe.body === undefined ? "" : Buffer.isBuffer(probe.body) ? probe.body.toString("utf8") : probe.body;
  const params = Object.values(probe.params).flat().join("\n");
  const query = probe.query.map(([k, v]) => `${k}=${v}`).join("\n");
  return `${params}\n${query}\n${body}`;
}

// What a stack trace, a file path, the ORM or the database leaks when an error escapes unmapped.
const INTERNAL_MARKERS: [string, RegExp][] = [
  ["stack frame", /\n\s+at [^\n]*[(:]/],
  ["source path", /\.(ts|tsx|js|mjs):\d+/],
  ["node_modules", /node_modules/],
  ["error with a path", /Error: [^\n]*\/(app|lib|work|home|tmp)\//],
  ["Prisma", /PrismaClient|prisma\.\w+\.\w+\(|Invalid `/],
  ["SQL", /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^\n]{0,200}\b(FROM|SET|VALUES|WHERE)\b|syntax error at or near|relation "[^"]+" does not exist/],
];

/** The internals a response shows that the request did not itself contain (an echo of input is not a leak). */
export function findInternalLeaks(result: ProbeResult, requestText: string): string[] {
  return INTERNAL_MARKERS.filter(([, re]) => {
    const match = re.exec(result.text);
    return match !== null && !requestText.includes(match[0]);
  }).map(([name]) => name);
}

/** The other organization's markers a response shows, leaving out those the request itself carried. */
export function findForeignMarkers(result: ProbeResult, requestText: string, markers: readonly string[]): string[] {
  return markers.filter((marker) => result.text.includes(marker) && !requestText.includes(marker));
}

/** Parses a JSON answer, or null when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
