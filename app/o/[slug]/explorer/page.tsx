import type { Metadata } from "next";
import { CostExplorer } from "@/components/explorer/cost-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { queryCosts, type CostsResult } from "@/lib/costs/query-costs";
import { parseCostQuery } from "@/lib/costs/schemas";
import { AppError } from "@/lib/errors/app-error";
import { canonicalSearch, searchParamsOf } from "@/lib/explorer/url-state";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Explorer" };

/** SPEC 4 page 3: costs grouped and filtered on any dimension; the view lives in the URL. */
export default async function ExplorerPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext((await params).slug);
  const search = canonicalSearch(searchParamsOf(await searchParams));
  let result: CostsResult | null = null;
  let error: string | null = null;
  try {
    result = await queryCosts(ctx, parseCostQuery(search, ctx.timeZone));
  } catch (caught) {
    if (!(caught instanceof AppError) || caught.code !== "INVALID_INPUT") throw caught;
    error = caught.message;
  }
  return (
    <>
      <PageHeader title="Explorer" description={`Group and filter spend on any dimension · amounts in USD · periods in ${ctx.timeZone}`} />
      <CostExplorer
        orgSlug={ctx.orgSlug}
        timeZone={ctx.timeZone}
        initialSearch={search.toString()}
        initialResult={result}
        initialError={error}
      />
    </>
  );
}
