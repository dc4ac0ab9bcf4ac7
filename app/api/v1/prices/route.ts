import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { createPriceOverride } from "@/lib/price-overrides/create-price-override";
import { listPriceOverrides } from "@/lib/price-overrides/list-price-overrides";

/** The organization's price overrides. */
export const GET = withApi("read", async (_req, { ctx }) => NextResponse.json({ prices: await listPriceOverrides(ctx) }));

/** Adds a price override (scope `manage`); `reprice: true` prices the past again from its date. */
export const POST = withApi("manage_prices", async (req, { ctx }) => {
  const result = await createPriceOverride(ctx, (await readJsonBody(req, 64 * 1024)) as never);
  return NextResponse.json({ id: result.id, priced_unpriced_events: result.pricedUnpriced, repriced: result.repriced ? { events: result.repriced.events, cost_change_usd: result.repriced.deltaUsd } : null }, { status: 201 });
});
