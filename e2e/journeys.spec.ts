import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { uniqueId } from "./support";
import { createApiKeyInPage, joinByInvitation, signUpWithOrganization, usdCents } from "./support/session";

/*
 * The two journeys issue 4 names, on a fresh organization (zone UTC) with a known month of calls:
 * - summarize: run A (dear, its "write" call is the dearest of all), run B (cheap), one call with no workflow
 * - chat: one run
 */
type Seeded = { orgPath: string; orgSlug: string; readKey: string; runA: string; runB: string; monthStart: string; tomorrow: string };

async function seedOrganization(page: Page, person: string): Promise<Seeded> {
  const orgPath = await signUpWithOrganization(page, person);
  const secret = await createApiKeyInPage(page, orgPath, ["ingest", "read"]);
  const now = Date.now();
  const today = new Date(now);
  const monthStartMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  // Every call lies in this UTC month and before now, even just after midnight on the 1st.
  const base = Math.max(monthStartMs, now - 20 * 60_000);
  const runA = `digest-a-${uniqueId()}`;
  const runB = `digest-b-${uniqueId()}`;
  let n = 0;
  const call = (feature: string, cost: string, extra: Record<string, string> = {}, model = "gpt-4o-mini") => {
    n += 1;
    return { id: `${feature}-${n}-${uniqueId()}`, timestamp: new Date(base + n * 1000).toISOString(), provider: "openai", model, usage: { input_tokens: 1000, output_tokens: 200 }, cost_usd: cost, latency_ms: 300, feature, ...extra };
  };
  const digest = (run: string, step: string) => ({ workflow: "digest", run_id: run, step });
  const events = [
    call("summarize", "0.02", digest(runA, "plan")),
    call("summarize", "1.75", digest(runA, "write"), "gpt-4o"),
    call("summarize", "0.03", digest(runA, "check")),
    call("summarize", "0.05", digest(runB, "plan")),
    call("summarize", "0.05", digest(runB, "write")),
    call("summarize", "0.4"),
    call("chat", "0.3", { workflow: "answer", run_id: `answer-${uniqueId()}` }),
    call("chat", "0.2", { workflow: "answer", run_id: `answer-${uniqueId()}` }),
  ];
  const response = await page.request.post("/api/v1/events", { headers: { Authorization: `Bearer ${secret}` }, data: { events } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: events.length, rejected: 0 });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { orgPath, orgSlug: orgPath.split("/")[2], readKey: secret, runA, runB, monthStart: day(monthStartMs), tomorrow: day(now + 86_400_000) };
}

async function api<T>(request: APIRequestContext, key: string, path: string): Promise<T> {
  const response = await request.get(path, { headers: { Authorization: `Bearer ${key}` } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

type Costs = { total: { cost_usd: string; events: number }; rows: { feature?: string; cost_usd: string }[] };

test("finance: reads the month on the overview and exports the top features as CSV, matching the API", async ({ page, browser }) => {
  const seeded = await seedOrganization(page, "Owner Olga");
  // The finance person joins through an invitation.
  const { context, member: finance } = await joinByInvitation(page, browser, seeded.orgPath, "FINANCE");

  const month = await api<Costs>(page.request, seeded.readKey, `/api/v1/costs?from=${seeded.monthStart}&granularity=month&group_by=feature`);
  expect(month.total.cost_usd).toBe("2.8000000000");
  await expect(finance.getByTestId("month-to-date")).toHaveText(usdCents(month.total.cost_usd));
  const features = finance.getByRole("table", { name: "Top features" });
  await expect(features.getByRole("row").nth(1)).toContainText("summarize");
  await expect(features.getByRole("row").nth(1)).toContainText(usdCents(month.rows.find((r) => r.feature === "summarize")!.cost_usd));

  const card = finance.getByRole("region", { name: "Top features" });
  const [download] = await Promise.all([finance.waitForEvent("download"), card.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/top-features-\d{4}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trim().split(/\r?\n/);
  expect(lines[0]).toBe("feature,cost_usd,share,events,previous_cost_usd,change_usd");
  // Exact decimals, the API's own strings.
  const byFeature = new Map(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")[1]]));
  for (const row of month.rows) expect(byFeature.get(row.feature!)).toBe(row.cost_usd);
  expect(byFeature.size).toBe(month.rows.length);
  await context.close();
});

test("engineer: overview → feature → workflow → most expensive run → its most expensive call, each number as the API says", async ({ page }) => {
  const s = await seedOrganization(page, "Engineer Emil");
  await page.goto(s.orgPath);

  // Overview → the dearest feature.
  const top = page.getByRole("table", { name: "Top features" }).getByRole("row").nth(1);
  await expect(top).toContainText("summarize");
  await top.getByRole("link", { name: "summarize" }).click();
  await expect(page.getByRole("heading", { name: "summarize", exact: true })).toBeVisible();
  const feature = await api<Costs>(page.request, s.readKey, `/api/v1/costs?from=${s.monthStart}&to=${s.tomorrow}&granularity=month&feature=summarize`);
  expect(feature.total.cost_usd).toBe("2.3000000000");
  await expect(page.getByTestId("feature-total")).toHaveText(usdCents(feature.total.cost_usd));
  await expect(page.getByTestId("feature-calls")).toHaveText(String(feature.total.events));

  // Feature → its workflow.
  const byWorkflow = await api<{ rows: { workflow: string; cost_usd: string }[] }>(page.request, s.readKey, `/api/v1/costs?from=${s.monthStart}&to=${s.tomorrow}&granularity=month&feature=summarize&group_by=workflow`);
  const digestRow = page.getByRole("table", { name: "Workflows" }).getByRole("row").filter({ hasText: "digest" });
  await expect(digestRow).toContainText(usdCents(byWorkflow.rows.find((r) => r.workflow === "digest")!.cost_usd));
  await digestRow.getByRole("link", { name: "digest" }).click();
  await expect(page.getByRole("heading", { name: "digest", exact: true })).toBeVisible();

  // Workflow → its most expensive run, first in the list as in the API.
  const runs = await api<{ runs: { run_id: string; cost_usd: string }[] }>(page.request, s.readKey, `/api/v1/runs?workflow=digest&sort=cost&from=${s.monthStart}T00:00:00Z&to=${s.tomorrow}T00:00:00Z`);
  expect(runs.runs.map((r) => r.run_id)).toEqual([s.runA, s.runB]);
  const first = page.getByRole("table", { name: "Runs" }).getByRole("row").nth(1);
  await expect(first).toContainText(s.runA);
  await expect(first).toContainText(usdCents(runs.runs[0].cost_usd));
  await first.getByRole("link", { name: s.runA }).click();
  await expect(page.getByRole("heading", { name: `Run ${s.runA}` })).toBeVisible();

  // Run → its most expensive call.
  const run = await api<{ cost_usd: string; most_expensive_call_id: string; calls: { id: string; cost_usd: string; step: string | null }[] }>(page.request, s.readKey, `/api/v1/runs/${encodeURIComponent(s.runA)}`);
  await expect(page.getByTestId("run-cost")).toHaveText(usdCents(run.cost_usd));
  const dearest = run.calls.find((c) => c.id === run.most_expensive_call_id)!;
  expect(dearest).toMatchObject({ step: "write", cost_usd: "1.75" });
  await page.getByRole("link", { name: "Jump to most expensive call" }).click();
  await expect(page).toHaveURL(new RegExp(`#call-`));
  const row = page.locator('[data-testid="waterfall-row"][data-most-expensive]');
  await expect(row).toBeInViewport();
  await expect(row).toContainText("write");
  await expect(row.getByTestId("call-cost")).toHaveText(usdCents(dearest.cost_usd));
});

test("features: cost per feature with calls, cost per decision and model mix; a bad range falls back to the default", async ({ page }) => {
  const s = await seedOrganization(page, "Fiona Features");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Features" }).first().click();
  await expect(page.getByRole("heading", { name: "Features", exact: true })).toBeVisible();
  const rows = page.getByTestId("feature-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("summarize");
  await expect(rows.nth(0).getByTestId("feature-cost")).toHaveText("$2.30");
  // Two digest runs started this month: $1.90 / 2.
  await expect(rows.nth(0)).toContainText("$0.95");
  await expect(rows.nth(0)).toContainText("openai/gpt-4o 76.1%");
  await expect(rows.nth(1)).toContainText("chat");

  await page.goto(`${s.orgPath}/features?from=2026-13-01&to=nope`);
  await expect(page.getByTestId("feature-row")).toHaveCount(2);
  await page.goto(`${s.orgPath}/features?from=2001-01-01&to=2001-01-31`);
  await expect(page.getByText("No spend in this range")).toBeVisible();
});
