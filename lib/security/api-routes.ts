import { readdirSync } from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

/** The HTTP methods a Next.js route module can export. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type RouteHandler = (req: NextRequest, route: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

/** One exported handler of an `/api/v1` route file, with its URL template and dynamic segments. */
export type ApiRoute = {
  /** e.g. `/api/v1/budgets/[id]` */
  template: string;
  method: HttpMethod;
  /** Dynamic segment names in order; a catch-all (`[...path]`) is marked. */
  params: { name: string; catchAll: boolean }[];
  handler: RouteHandler;
};

const API_DIR = path.resolve(__dirname, "../../app/api/v1");

function routeFiles(): string[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .sort();
}

function templateOf(file: string): string {
  const dir = path.dirname(file).split(path.sep).join("/");
  return dir === "." ? "/api/v1" : `/api/v1/${dir}`;
}

function paramsOf(template: string): ApiRoute["params"] {
  return [...template.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2], catchAll: m[1] !== undefined }));
}

/**
 * Every exported handler of every `app/api/v1/**\/route.ts`, read from the file system so a new
 * route is fuzzed without touching the fuzzer.
 */
export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(path.join(API_DIR, file))) as Partial<Record<HttpMethod, RouteHandler>>;
    const template = templateOf(file);
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (handler) routes.push({ template, method, params: paramsOf(template), handler });
    }
  }
  return routes;
}

/** The URL of a route with its dynamic segments filled (each encoded as a client would). */
export function fillTemplate(template: string, values: Record<string, string | string[]>): string {
  return template.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}
