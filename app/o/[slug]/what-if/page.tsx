import type { Metadata } from "next";
import { CachingTool } from "@/components/what-if/caching-tool";
import { CloudHardwareTool } from "@/components/what-if/cloud-hardware-tool";
import { PricingTool } from "@/components/what-if/pricing-tool";
import { RoutingTool } from "@/components/what-if/routing-tool";
import { SavingsLeversTable } from "@/components/what-if/savings-levers-table";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatUsdTotal, roundDecimal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { SAVINGS_LEVERS_CSV_HEADER, savingsLeversCsvRows } from "@/lib/what-if/levers-csv";
import { loadWhatIfPage } from "@/lib/what-if/load-what-if-page";
import { CACHING_LEVER_HIT_RATE_PCT, ROUTING_LEVER_SHARE_PCT } from "@/lib/what-if/propose-savings-levers";

export const metadata: Metadata = { title: "What-if" };

/** SPEC 9: routing, caching, cloud vs own hardware and pricing per outcome, from the last 30 days of real usage. */
export default async function WhatIfPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const data = await loadWhatIfPage(ctx);
  const fromDay = data.from.slice(0, 10);
  const toDay = data.to.slice(0, 10);
  const hasUsage = data.rows.length > 0;
  return (
    <>
      <PageHeader
        title="What-if"
        description={`Projections from your token mix of the last 30 days (${fromDay} to ${toDay}, UTC) and the price catalog with your overrides. Amounts in USD; a month is 30 days.`}
      />
      <div className="space-y-6">
        <Card
          title="Savings levers"
          description={`Route ${ROUTING_LEVER_SHARE_PCT}% of a feature's calls to the cheaper model of the same family; cache ${CACHING_LEVER_HIT_RATE_PCT}% of input tokens. Monthly spend now: ${formatUsdTotal(data.monthly_spend_usd)}.`}
          actions={<CsvExportButton filename={`savings-levers-${toDay}.csv`} header={SAVINGS_LEVERS_CSV_HEADER} rows={savingsLeversCsvRows(data.levers)} />}
        >
          {data.levers.length > 0 ? (
            <SavingsLeversTable levers={data.levers} />
          ) : (
            <EmptyState title={hasUsage ? "No saving found" : "No usage in the last 30 days"}>
              {hasUsage
                ? "None of your models has a cheaper sibling in the catalog or a cache price below its input price. Try the tools below with other models."
                : "Send events to /api/v1/events; levers, routing and caching start from your real token mix."}
            </EmptyState>
          )}
        </Card>

        <Card title="Routing" description="Move a share of calls from one model to another: the same tokens at the new model's prices.">
          {hasUsage ? (
            <RoutingTool rows={data.rows} windowDays={data.window_days} models={data.models} siblings={data.siblings} />
          ) : (
            <EmptyState title="No calls to move">Routing projects from your token mix: send events first.</EmptyState>
          )}
        </Card>

        <Card title="Caching" description="Saving if a share of a model's input tokens were read from the prompt cache.">
          {hasUsage ? (
            <CachingTool rows={data.rows} windowDays={data.window_days} models={data.models} />
          ) : (
            <EmptyState title="No input tokens yet">Caching projects from your token mix: send events first.</EmptyState>
          )}
        </Card>

        <Card title="Cloud vs own hardware" description="Owned monthly cost (capex over its life, power, operations, staff) against cloud AI spend plus egress; the 0.6–0.7 trigger.">
          <CloudHardwareTool
            initial={{
              cloudMonthlyUsd: roundDecimal(data.monthly_spend_usd, 2),
              egressMonthlyUsd: "0",
              capexUsd: "250000",
              lifeMonths: "36",
              powerMonthlyUsd: "1500",
              operationsMonthlyUsd: "1000",
              staffMonthlyUsd: "5000",
            }}
          />
        </Card>

        <Card title="Pricing per outcome" description="Charging per successful outcome: cost per attempt ÷ success rate, then the price that keeps the target gross margin.">
          <PricingTool workflows={data.workflows} />
        </Card>
      </div>
    </>
  );
}
