import { NextResponse } from "next/server";
import { deleteBudget } from "@/lib/budgets/delete-budget";
import { getBudgetOrThrow } from "@/lib/budgets/list-budgets";
import { updateBudget } from "@/lib/budgets/update-budget";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";

type Params = { id: string };

/** One budget with its level, spend, forecast, reason and the workflows driving it. */
export const GET = withApi<Params>("read", async (_req, { ctx, params }) => NextResponse.json(await getBudgetOrThrow(ctx, params.id)));

/** Changes some of a budget's fields (scope `manage`) and evaluates it again. */
export const PATCH = withApi<Params>("manage_budgets", async (req, { ctx, params }) =>
  NextResponse.json(await updateBudget(ctx, params.id, (await readJsonBody(req, 64 * 1024)) as never)),
);

/** Deletes a budget (scope `manage`); its alerts stay in the feed. */
export const DELETE = withApi<Params>("manage_budgets", async (_req, { ctx, params }) => {
  await deleteBudget(ctx, params.id);
  return new NextResponse(null, { status: 204 });
});
