import { NextRequest } from "next/server";

/** Calls a route handler as Next.js would, with a bearer key and a JSON (or raw) body. */
export async function callRoute<P>(
  handler: (req: NextRequest, route: { params: Promise<P> }) => Promise<Response>,
  options: { key?: string; method?: string; url?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: P },
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const req = new NextRequest(options.url ?? "http://localhost/api/v1/test", { method: options.method ?? "POST", headers, body });
  const res = await handler(req, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}
