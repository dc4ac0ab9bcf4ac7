import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadApiRoutes } from "./api-routes";

const ROOT = path.resolve(__dirname, "../..");

type Handler = (...args: never[]) => Promise<Response> | Response;

/** One exported method of an `app/api/v1/**\/route.ts` file, named as the matrix names it: "PATCH /budgets/[id]". */
export type ApiRouteMethod = { name: string; method: string; path: string; handler: Handler };

/** One exported function of a `"use server"` module under app/, named "app/…/actions.ts#createBudgetAction". */
export type ServerAction = { name: string; fn: (...args: never[]) => Promise<unknown> };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(full);
    return [full];
  });
}

/** Every method every API route file exports (found on disk by `loadApiRoutes`, so a new route cannot be missed). */
export async function listApiRouteMethods(): Promise<ApiRouteMethod[]> {
  return (await loadApiRoutes())
    .map((route) => {
      const routePath = route.template.slice("/api/v1".length);
      return { name: `${route.method} ${routePath}`, method: route.method, path: routePath, handler: route.handler as Handler };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// A module is a server-action module when its first statement is the directive (comments aside).
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** Every function every `"use server"` module under app/ exports (types vanish at run time). */
export async function listServerActions(): Promise<ServerAction[]> {
  const files = walk(path.join(ROOT, "app")).filter((f) => /\.tsx?$/.test(f) && USE_SERVER.test(readFileSync(f, "utf8")));
  const found: ServerAction[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(mod)) {
      if (typeof value === "function") found.push({ name: `${path.relative(ROOT, file).split(path.sep).join("/")}#${exported}`, fn: value as ServerAction["fn"] });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
