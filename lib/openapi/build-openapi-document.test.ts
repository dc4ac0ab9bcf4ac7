import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";

const API_DIR = path.resolve(__dirname, "../../app/api/v1");

/** Every route file under app/api/v1 as its OpenAPI path and the methods it exports. */
function listRoutes(dir = API_DIR): { path: string; methods: string[] }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith("[...") ? [] : listRoutes(full);
    if (name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const methods = ["GET", "POST", "PATCH", "DELETE", "PUT"].filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
    const route = "/api/v1" + path.relative(API_DIR, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).map((s) => (s ? `/${s}` : "")).join("");
    return [{ path: route, methods }];
  });
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, { responses: object }>>; components: { schemas: Record<string, { properties?: object }> } };

  it("describes every /api/v1 route file and every method it exports", () => {
    const routes = listRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      expect(document.paths, route.path).toHaveProperty([route.path]);
      for (const method of route.methods) expect(document.paths[route.path], `${method} ${route.path}`).toHaveProperty([method.toLowerCase()]);
    }
  });

  it("takes request schemas from the validation schemas", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.schemas.Event.properties).toHaveProperty("usage");
    expect(document.components.schemas.Event.properties).toHaveProperty("run_id");
    expect(JSON.stringify(document.components.schemas.PriceOverride)).toContain("discount_pct");
  });
});
