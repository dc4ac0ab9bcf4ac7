import { NextResponse } from "next/server";
import { anomalyWindow } from "@/lib/anomalies/anomaly-window";
import { toAnomalyJson } from "@/lib/anomalies/anomalies-json";
import { loadAnomalies } from "@/lib/anomalies/load-anomalies";
import { anomaliesQuerySchema } from "@/lib/anomalies/schemas";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { withApi } from "@/lib/http/with-api";

/** SPEC 5: cost spikes per feature and workflow on the last `days` local days (default 7), largest first. */
export const GET = withApi("read", async (req, { ctx }) => {
  // Unknown parameters (such as `org` for sessions) are ignored by the schema.
  const { days } = parseOrThrow(anomaliesQuerySchema, Object.fromEntries(req.nextUrl.searchParams));
  const now = new Date();
  const { dates } = anomalyWindow(now, ctx.timeZone, days);
  const anomalies = await loadAnomalies(ctx, { now, days });
  return NextResponse.json({ from: dates[0], to: dates[dates.length - 1], days, anomalies: anomalies.map(toAnomalyJson) });
});
