import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, queryRaw } from "@/lib/db";
import { buildDemoVendorBills, DEMO_SANCTIONED_TOOLS, shiftTemplateDates, type TrackedDay } from "./demo-shadow-ai-files";
import { expensesImportKind, subscriptionsImportKind, vendorBillsImportKind, type ShadowAiImportCommit } from "./import-files";
import { sanctionTool } from "./sanctioned-tools";

/** Where the CSV templates live (read at start-up from the project folder). */
export const DEMO_SHADOW_AI_TEMPLATES = path.resolve("prisma", "demo", "shadow-ai");

/** What the demo import did: tools approved and rows stored per file. */
export type DemoShadowAiResult = { sanctioned: number; files: { fileName: string; accepted: number }[] };

function acceptedOrThrow(fileName: string, result: ShadowAiImportCommit): { fileName: string; accepted: number } {
  if (result.rejected > 0) throw new Error(`Demo file ${fileName} is invalid: ${result.errors[0]?.message ?? "rejected rows"}`);
  return { fileName, accepted: result.accepted };
}

/**
 * Gives the demo organization its Shadow AI data through the same import kinds people use: four
 * sanctioned tools, the subscriptions and expense templates moved to the demo's last full and
 * current month, and OpenAI and Anthropic bills built from its own tracked cost, so that findings
 * of every kind exist. The anchor is the demo's latest event (else now), so the files match the
 * events whenever the server starts. Does nothing (null) once the organization has any import or
 * sanctioned tool: a restart, or an import someone undid, never brings the files back.
 */
export async function ensureDemoShadowAi(ctx: OrgContext, options: { templatesDir?: string; now?: Date } = {}): Promise<DemoShadowAiResult | null> {
  const [imports, sanctionedCount] = await Promise.all([db.importBatch.count({ where: { orgId: ctx.orgId } }), db.sanctionedTool.count({ where: { orgId: ctx.orgId } })]);
  if (imports > 0 || sanctionedCount > 0) return null;
  const latest = await db.event.findFirst({ where: { orgId: ctx.orgId }, orderBy: { timestamp: "desc" }, select: { timestamp: true } });
  const anchorDay = (latest?.timestamp ?? options.now ?? new Date()).toISOString().slice(0, 10);
  const current = anchorDay.slice(0, 7);
  const [year, month] = current.split("-").map(Number);
  const lastFullStart = new Date(Date.UTC(year, month - 2, 1));
  // Vendor buckets are UTC days: tracked cost by UTC day comes from the hourly roll-ups.
  const tracked = await queryRaw<TrackedDay>(
    `SELECT provider, model, to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, SUM("costUsd")::text AS "costUsd"
       FROM "CostRollupHourly"
      WHERE "orgId" = $1 AND provider IN ('openai', 'anthropic') AND hour >= $2::timestamptz AND hour < $3::timestamptz
      GROUP BY 1, 2, 3`,
    [ctx.orgId, lastFullStart.toISOString(), `${anchorDay}T00:00:00Z`],
  );
  const bills = buildDemoVendorBills(anchorDay, tracked);
  const dir = options.templatesDir ?? DEMO_SHADOW_AI_TEMPLATES;
  const [subscriptionsTemplate, expensesTemplate] = await Promise.all([readFile(path.join(dir, "subscriptions.csv"), "utf8"), readFile(path.join(dir, "expenses.csv"), "utf8")]);

  // Sanctioned first: each change re-runs the audit, which is cheapest before any row exists.
  for (const tool of DEMO_SANCTIONED_TOOLS) await sanctionTool(ctx, tool);
  const files: DemoShadowAiResult["files"] = [];
  const subscriptionsName = "saas-subscriptions.csv";
  files.push(acceptedOrThrow(subscriptionsName, await subscriptionsImportKind.commit(ctx, { format: "csv", text: shiftTemplateDates(subscriptionsTemplate, current) }, { fileName: subscriptionsName })));
  const expensesName = `card-expenses-${bills.lastFull}-to-${bills.current}.csv`;
  files.push(acceptedOrThrow(expensesName, await expensesImportKind.commit(ctx, { format: "csv", text: shiftTemplateDates(expensesTemplate, current, anchorDay) }, { fileName: expensesName })));
  const openaiName = `openai-costs-${bills.lastFull}-to-${bills.current}.json`;
  files.push(acceptedOrThrow(openaiName, await vendorBillsImportKind.commit(ctx, { format: "json", rows: bills.openai.data }, { fileName: openaiName })));
  const anthropicName = `anthropic-cost-report-${bills.lastFull}-to-${bills.current}.json`;
  files.push(acceptedOrThrow(anthropicName, await vendorBillsImportKind.commit(ctx, { format: "json", rows: bills.anthropic.data }, { fileName: anthropicName })));
  return { sanctioned: DEMO_SANCTIONED_TOOLS.length, files };
}
