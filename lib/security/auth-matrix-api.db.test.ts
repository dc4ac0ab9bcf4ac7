import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_KEY_SCOPES, scopesAllow, type Permission } from "@/lib/auth/permissions";
import { createBudget } from "@/lib/budgets/create-budget";
import { listImportKinds } from "@/lib/imports/import-kinds";
import { sanctionTool } from "@/lib/shadow-ai/sanctioned-tools";
import { uniqueEmail } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { listApiRouteMethods, type ApiRouteMethod } from "./auth-matrix-inventory";
import {
  budgetInput,
  newMarker,
  SANCTIONED_VENDOR,
  seedAlert,
  seedExpensesImport,
  seedMatrixOrg,
  snapshotOrg,
  strongestRoleWithout,
  uniqueExpensesCsv,
  weakestRoleWith,
  type MatrixOrg,
} from "./auth-matrix-world";

// The session is the one thing faked: whoever the test says is signed in. Keys, memberships,
// roles and the permission checks are the real ones, against a real database.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => session.userId }));

withTestDatabase();

/** A valid request for one route, built against one organization's objects. */
type RouteRequest = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; csv?: string };

type ProtectedRoute = {
  permission: Permission;
  request: (org: MatrixOrg) => RouteRequest | Promise<RouteRequest>;
  /** Its query names one of the organization's objects (a path [param] always does). */
  targetsObject?: true;
};
type PublicRoute = { public: true; status: number };
type RouteEntry = ProtectedRoute | PublicRoute | { perImportKind: Record<string, ProtectedRoute> };

const anthropicBill = readFileSync(path.join(__dirname, "../vendor-bills/fixtures/anthropic-cost-report-2026-10.json"), "utf8");
const uniqueId = () => `e-${newMarker("matrix")}`;

/**
 * Every method of every /api/v1 route file, with the permission it must demand and a request it
 * must accept. The first test fails when a route file or method exists that this table lacks.
 */
const ROUTES: Record<string, RouteEntry> = {
  "GET /[...path]": { public: true, status: 404 },
  "POST /[...path]": { public: true, status: 404 },
  "PUT /[...path]": { public: true, status: 404 },
  "PATCH /[...path]": { public: true, status: 404 },
  "DELETE /[...path]": { public: true, status: 404 },
  "GET /openapi.json": { public: true, status: 200 },
  "GET /action-items": { permission: "read", request: () => ({}) },
  "POST /action-items": { permission: "manage_action_items", request: (o) => ({ body: { title: `Item ${o.marker}` } }) },
  "PATCH /action-items/[id]": { permission: "manage_action_items", request: (o) => ({ params: { id: o.actionItemId }, body: { status: "in_progress" } }) },
  "POST /alerts/[id]/acknowledge": {
    permission: "manage_budgets",
    request: async (o) => ({ params: { id: await seedAlert(o.owner, o.marker) }, body: { note: "seen" } }),
  },
  "GET /alerts": { permission: "read", request: () => ({}) },
  "GET /anomalies": { permission: "read", request: () => ({}) },
  "GET /budgets": { permission: "read", request: () => ({}) },
  "POST /budgets": { permission: "manage_budgets", request: (o) => ({ body: budgetInput(o.marker) }) },
  "GET /budgets/[id]": { permission: "read", request: (o) => ({ params: { id: o.budgetId } }) },
  "PATCH /budgets/[id]": { permission: "manage_budgets", request: (o) => ({ params: { id: o.budgetId }, body: { amount_usd: "200" } }) },
  "DELETE /budgets/[id]": {
    permission: "manage_budgets",
    request: async (o) => ({ params: { id: (await createBudget(o.owner, budgetInput(o.marker))).id } }),
  },
  "GET /costs": { permission: "read", request: () => ({}) },
  "GET /costs/change": { permission: "read", request: () => ({}) },
  "POST /events": {
    permission: "ingest",
    request: () => ({ body: { events: [{ id: uniqueId(), timestamp: new Date().toISOString(), provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 1, output_tokens: 1 } }] } }),
  },
  "POST /imports/[kind]": {
    perImportKind: {
      events: {
        permission: "ingest",
        request: () => ({ params: { kind: "events" }, csv: `id,timestamp,provider,model,usage.input_tokens,usage.output_tokens\n${uniqueId()},${new Date().toISOString()},openai,gpt-4o-mini,1,1` }),
      },
      expenses: { permission: "manage_shadow_ai", request: () => ({ params: { kind: "expenses" }, csv: uniqueExpensesCsv() }) },
      subscriptions: {
        permission: "manage_shadow_ai",
        request: () => ({ params: { kind: "subscriptions" }, csv: `Application,Vendor,Plan,Owner Email,Licenses,Monthly Cost,Contract Start\nChatGPT,OpenAI,Team,${uniqueEmail("sub")},1,30,2026-10-01` }),
      },
      "vendor-bills": { permission: "manage_shadow_ai", request: () => ({ params: { kind: "vendor-bills" }, csv: anthropicBill }) },
      revenue: { permission: "manage_revenue", request: (o) => ({ params: { kind: "revenue" }, csv: `month,feature,amount_usd\n2026-09,feature-${o.marker},10` }) },
    },
  },
  "GET /margins": { permission: "read", request: () => ({}) },
  "GET /org": { permission: "read", request: () => ({}) },
  "POST /otlp/v1/traces": { permission: "ingest", request: () => ({ body: { resourceSpans: [] } }) },
  "POST /outcomes": { permission: "ingest", request: (o) => ({ body: { outcomes: [{ run_id: o.runId, outcome: "success" }] } }) },
  "GET /prices": { permission: "read", request: () => ({}) },
  "POST /prices": { permission: "manage_prices", request: () => ({ body: { kind: "discount", provider: "openai", discount_pct: "5", effective_from: "2026-01-01" } }) },
  "GET /reports/board.csv": { permission: "read", request: () => ({ query: { period: "2026-10" } }) },
  "GET /reports/board.pdf": { permission: "read", request: () => ({ query: { period: "2026-10" } }) },
  "GET /revenue": { permission: "read", request: () => ({}) },
  "POST /revenue": { permission: "manage_revenue", request: (o) => ({ body: { revenue: [{ month: "2026-10", feature: `feature-${o.marker}`, amount_usd: "1000" }] } }) },
  "GET /reviews/weekly": { permission: "read", request: () => ({}) },
  "GET /runs": { permission: "read", request: () => ({}) },
  "GET /runs/[run_id]": { permission: "read", request: (o) => ({ params: { run_id: o.runId } }) },
  "GET /shadow-ai/findings": { permission: "read", request: () => ({}) },
  "PATCH /shadow-ai/findings/[id]": { permission: "manage_shadow_ai", request: (o) => ({ params: { id: o.findingId }, body: { note: "checked" } }) },
  "GET /shadow-ai/imports": { permission: "read", request: () => ({}) },
  "DELETE /shadow-ai/imports/[id]": { permission: "manage_shadow_ai", request: async (o) => ({ params: { id: await seedExpensesImport(o.owner) } }) },
  "GET /shadow-ai/sanctioned-tools": { permission: "read", request: () => ({}) },
  "POST /shadow-ai/sanctioned-tools": { permission: "manage_shadow_ai", request: () => ({ body: { vendor_id: "midjourney" } }) },
  "DELETE /shadow-ai/sanctioned-tools": {
    permission: "manage_shadow_ai",
    targetsObject: true,
    request: async (o) => {
      await sanctionTool(o.owner, { vendor_id: SANCTIONED_VENDOR, note: `note ${o.marker}` });
      return { query: { vendor_id: SANCTIONED_VENDOR } };
    },
  },
  "GET /shadow-ai/summary": { permission: "read", request: () => ({}) },
};

type Caller = { key?: string; userId?: string; orgSlug?: string };
type Answer = { status: number; contentType: string; text: string };

async function send(route: ApiRouteMethod, req: RouteRequest, caller: Caller): Promise<Answer> {
  session.userId = caller.userId ?? null;
  const query = new URLSearchParams(req.query);
  if (caller.orgSlug) query.set("org", caller.orgSlug);
  const pathname = route.path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, name: string) => encodeURIComponent(req.params?.[name] ?? "x"));
  const headers: Record<string, string> = {};
  if (caller.key) headers.authorization = `Bearer ${caller.key}`;
  let body: string | undefined;
  if (req.csv !== undefined) [headers["content-type"], body] = ["text/csv", req.csv];
  else if (req.body !== undefined) [headers["content-type"], body] = ["application/json", JSON.stringify(req.body)];
  const request = new NextRequest(`http://localhost/api/v1${pathname}?${query}`, { method: route.method, headers, body });
  const res = await route.handler(request as never, { params: Promise.resolve(req.params ?? {}) } as never);
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}

function expectJsonError(answer: Answer, status: number, label: string) {
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBe(status);
  expect(answer.contentType, label).toContain("application/json");
  expect(typeof JSON.parse(answer.text).error, label).toBe("string");
}

function expectNoTraceOf(other: MatrixOrg, answer: Answer, label: string) {
  for (const secret of [other.marker, other.owner.orgId, other.owner.orgSlug]) expect(answer.text.includes(secret), `${label} leaked ${secret}`).toBe(false);
}

function expectAllowed(answer: Answer, label: string) {
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeLessThan(300);
}

/** The table flattened: one row per route method (and per import kind). */
function matrixRows(): { name: string; spec: RouteEntry }[] {
  return Object.entries(ROUTES).flatMap(([name, spec]) =>
    "perImportKind" in spec ? Object.entries(spec.perImportKind).map(([kind, kindSpec]) => ({ name: `${name} kind=${kind}`, spec: kindSpec as RouteEntry })) : [{ name, spec }],
  );
}

let routes: Map<string, ApiRouteMethod>;
let a: MatrixOrg;
let b: MatrixOrg;

beforeAll(async () => {
  routes = new Map((await listApiRouteMethods()).map((r) => [r.name, r]));
  a = await seedMatrixOrg(newMarker("orga"));
  b = await seedMatrixOrg(newMarker("orgb"));
});

describe("the /api/v1 authorization matrix", () => {
  it("covers exactly the route methods on disk and every import kind", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...routes.keys()].sort());
    const imports = ROUTES["POST /imports/[kind]"];
    expect("perImportKind" in imports && Object.keys(imports.perImportKind).sort()).toEqual(listImportKinds().map(([kind]) => kind).sort());
  });

  for (const { name, spec } of matrixRows()) {
    const routeName = name.split(" kind=")[0];

    if ("public" in spec) {
      it(`${name} is public: answers ${spec.status} JSON without credentials`, async () => {
        const answer = await send(routes.get(routeName)!, {}, {});
        expect(answer.status).toBe(spec.status);
        expect(answer.contentType).toContain("application/json");
      });
      continue;
    }
    if ("perImportKind" in spec) continue;

    describe(name, () => {
      const { permission } = spec;
      const route = () => routes.get(routeName)!;
      const neededScope = API_KEY_SCOPES.find((s) => scopesAllow([s], permission));
      const wrongRole = strongestRoleWithout(permission);
      // A path [param] names an object, except the import kind, which names a file format.
      const targetsObject = spec.targetsObject ?? /\[(?!kind\])/.test(routeName);

      it("answers 401 JSON without credentials", async () => {
        expectJsonError(await send(route(), await spec.request(a), {}), 401, "anonymous");
      });

      it(`answers 401 JSON to a key without the ${neededScope ?? "(keys never may)"} scope`, async () => {
        const key = await a.key(API_KEY_SCOPES.filter((s) => s !== neededScope));
        expectJsonError(await send(route(), await spec.request(a), { key }), 401, "wrong scope");
      });

      if (wrongRole !== null) it(`answers 403 JSON to a ${wrongRole} session`, async () => {
        const member = a.members[wrongRole!];
        expectJsonError(await send(route(), await spec.request(a), { userId: member.userId!, orgSlug: a.owner.orgSlug }), 403, wrongRole!);
      });

      it(`succeeds for a ${weakestRoleWith(permission)} session${neededScope ? ` and a ${neededScope}-only key` : ""}`, async () => {
        const member = a.members[weakestRoleWith(permission)];
        expectAllowed(await send(route(), await spec.request(a), { userId: member.userId!, orgSlug: a.owner.orgSlug }), "session");
        if (neededScope) expectAllowed(await send(route(), await spec.request(a), { key: await a.key([neededScope]) }), "key");
      });

      it("answers 404 to a session naming another organization's slug, changing nothing there", async () => {
        const req = await spec.request(b);
        const before = await snapshotOrg(b.owner.orgId);
        const answer = await send(route(), req, { userId: a.owner.userId!, orgSlug: b.owner.orgSlug });
        expectJsonError(answer, 404, "other slug");
        expectNoTraceOf(b, answer, "other slug");
        expect(await snapshotOrg(b.owner.orgId)).toBe(before);
      });

      if (neededScope) it("keeps a key in its own organization whatever ?org= says", async () => {
        const key = await a.key(API_KEY_SCOPES);
        const before = await snapshotOrg(b.owner.orgId);
        const answer = await send(route(), await spec.request(a), { key, orgSlug: b.owner.orgSlug });
        expectAllowed(answer, "key with ?org=");
        expectNoTraceOf(b, answer, "key with ?org=");
        expect(await snapshotOrg(b.owner.orgId)).toBe(before);
      });

      if (targetsObject) it(
        "answers 404 to a session and a key of one organization aimed at another's object, changing nothing there",
        async () => {
          for (const caller of [{ userId: a.owner.userId!, orgSlug: a.owner.orgSlug }, { key: await a.key(API_KEY_SCOPES) }]) {
            const req = await spec.request(b);
            const before = await snapshotOrg(b.owner.orgId);
            const answer = await send(route(), req, caller);
            const label = caller.key ? "key" : "session";
            expectJsonError(answer, 404, `${label} aimed at the other org's object`);
            expectNoTraceOf(b, answer, label);
            expect(await snapshotOrg(b.owner.orgId)).toBe(before);
          }
        },
      );
    });
  }
});
