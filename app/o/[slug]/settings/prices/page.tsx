import type { Metadata } from "next";
import { PriceOverrideForm } from "@/components/settings/price-override-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/org-context";
import { Prisma } from "@/lib/db";
import { formatDateTime } from "@/lib/format/format-date";
import { getPageContext } from "@/lib/http/page-context";
import { listPriceOverrides } from "@/lib/price-overrides/list-price-overrides";
import { listUnpricedModels } from "@/lib/price-overrides/list-unpriced-models";
import { loadCatalog } from "@/lib/pricing/catalog";

export const metadata: Metadata = { title: "Prices" };

function perMillion(value: string | null): string {
  return value === null ? "—" : `$${new Prisma.Decimal(value).times(1_000_000).toDecimalPlaces(4).toFixed()}`;
}

export default async function PricesPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const [prices, unpriced] = await Promise.all([listPriceOverrides(ctx), listUnpricedModels(ctx)]);
  const catalog = loadCatalog();
  return (
    <>
      <PageHeader
        title="Prices"
        description={`Events are priced from the built-in catalog (LiteLLM's public price table, ${catalog.counts.entries.toLocaleString("en-US")} models, ${catalog.source.version ?? catalog.generatedAt.slice(0, 10)}) unless the organization's own prices below apply. Prices are effective-dated: an event uses the prices in force at its timestamp.`}
      />
      <div className="space-y-6">
        {unpriced.length > 0 ? (
          <Card title="Unpriced usage" description="These models have no price, so their events count as $0 until you add one.">
            <Table label="Unpriced models">
              <thead>
                <tr>
                  <Th>Provider</Th>
                  <Th>Model</Th>
                  <Th numeric>Events</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {unpriced.map((u) => (
                  <tr key={`${u.provider}/${u.model}`}>
                    <Td>{u.provider}</Td>
                    <Td className="font-mono text-xs">{u.model}</Td>
                    <Td numeric>{u.events.toLocaleString("en-US")}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ) : null}
        {can(ctx, "manage_prices") ? (
          <Card title="Add a price">
            <PriceOverrideForm orgSlug={ctx.orgSlug} today={new Date().toISOString().slice(0, 10)} />
          </Card>
        ) : null}
        <Card
          title="Organization prices"
          actions={
            <CsvExportButton
              filename={`${ctx.orgSlug}-prices.csv`}
              header={["kind", "provider", "model", "discount_pct", "input_price", "output_price", "cache_read_price", "cache_write_price", "reasoning_price", "effective_from"]}
              rows={prices.map((p) => [p.kind, p.provider, p.model, p.discount_pct, p.input_price, p.output_price, p.cache_read_price, p.cache_write_price, p.reasoning_price, p.effective_from])}
            />
          }
        >
          {prices.length === 0 ? (
            <EmptyState title="No organization prices yet">Catalog prices apply to every event. Add a negotiated discount or a self-hosted model&apos;s price above.</EmptyState>
          ) : (
            <Table label="Organization prices">
              <thead>
                <tr>
                  <Th>Applies to</Th>
                  <Th>Price</Th>
                  <Th numeric>Input / 1M</Th>
                  <Th numeric>Output / 1M</Th>
                  <Th numeric>Cache read / 1M</Th>
                  <Th>Effective from</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {prices.map((p) => (
                  <tr key={p.id}>
                    <Td>
                      <span className="font-medium text-slate-900">{p.provider}</span>
                      {p.model ? <span className="ml-1 font-mono text-xs">{p.model}</span> : <span className="ml-1 text-xs text-slate-500">all models</span>}
                    </Td>
                    <Td>{p.kind === "discount" ? <Badge tone="green">{p.discount_pct}% discount</Badge> : <Badge tone="accent">Custom</Badge>}</Td>
                    <Td numeric>{perMillion(p.input_price)}</Td>
                    <Td numeric>{perMillion(p.output_price)}</Td>
                    <Td numeric>{perMillion(p.cache_read_price)}</Td>
                    <Td>{formatDateTime(p.effective_from, ctx.timeZone)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
