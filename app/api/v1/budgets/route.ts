import { NextResponse } from "next/server";
import { createBudget } from "@/lib/budgets/create-budget";
import { listBudgets } from "@/lib/budgets/list-budgets";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";

/** SPEC 3: the organization's budgets, each with its level, spend, forecast and reason. */
export const GET = withApi("read", async (_req, { ctx }) => NextResponse.json({ budgets: await listBudgets(ctx) }));

/** Creates a budget (scope `manage`); it is evaluated at once, so the answer has its level. */
export const POST = withApi("manage_budgets", async (req, { ctx }) =>
  NextResponse.json(await createBudget(ctx, (await readJsonBody(req, 64 * 1024)) as never), { status: 201 }),
);
