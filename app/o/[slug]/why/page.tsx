import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import type { OrgContext } from "@/lib/auth/org-context";
import { explainCostChange, type CostChangeExplanation } from "@/lib/change-analysis/explain-cost-change";
import { queryCosts } from "@/lib/costs/query-costs";
import { parseCostQuery } from "@/lib/costs/schemas";
import { wallTimeAt } from "@/lib/costs/zoned-time";
import { AppError } from "@/lib/errors/app-error";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Why did it change" };

const PARAMS = ["feature", "from", "to", "previous_from", "previous_to"] as const;

const EFFECTS = [
  { key: "volume", label: "Volume", explain: "More or fewer tokens, at last period's average price per token." },
  { key: "modelMix", label: "Model mix", explain: "A different split of tokens across models, at each model's previous price." },
  { key: "unitPrice", label: "Unit price", explain: "Each model's price per token moved (list prices, discounts, caching)." },
] as const;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function signed(amount: string): string {
  const text = formatUsdTotal(amount);
  return text.startsWith("-") ? text : `+${text}`;
}

function percent(before: string, change: string): string {
  const b = Number(before);
  if (b === 0) return "new spend";
  const p = (Number(change) / b) * 100;
  return `${p >= 0 ? "+" : ""}${p.toFixed(1)}%`;
}

function share(value: string): string {
  return `${(Number(value) * 100).toFixed(1)}%`;
}

function localDay(iso: string, timeZone: string): string {
  const w = wallTimeAt(new Date(iso), timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The features with spend in the last 90 days, for the picker. */
async function recentFeatures(ctx: OrgContext): Promise<string[]> {
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const query = parseCostQuery(new URLSearchParams({ from, granularity: "month", group_by: "feature" }), ctx.timeZone);
  const rows = (await queryCosts(ctx, { ...query, format: "json" })).rows;
  return [...new Set(rows.map((r) => r.feature ?? "").filter((f) => f !== ""))].sort();
}

/** SPEC 4 page 5: a feature's cost change between two periods, split into volume, model mix and unit price. */
export default async function WhyPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext((await params).slug);
  const search = await searchParams;
  const values = Object.fromEntries(PARAMS.map((p) => [p, first(search[p]).trim()])) as Record<(typeof PARAMS)[number], string>;
  const query = new URLSearchParams();
  for (const p of PARAMS) if (values[p]) query.set(p, values[p]);

  const features = await recentFeatures(ctx);
  if (values.feature && !features.includes(values.feature)) features.push(values.feature);

  let result: CostChangeExplanation | null = null;
  let issues: { path: string; message: string }[] = [];
  try {
    result = await explainCostChange(ctx, query);
  } catch (error) {
    if (error instanceof AppError && error.issues) issues = error.issues.map((i) => ({ path: String(i.path), message: i.message }));
    else throw error;
  }
  const errorOf = (name: string) => issues.find((i) => i.path === name)?.message;
  const base = `/o/${ctx.orgSlug}/why`;
  const subject = values.feature ? `feature “${values.feature}”` : "all features";

  return (
    <>
      <PageHeader
        title="Why did it change"
        description={
          result
            ? `Cost of ${subject}, ${localDay(result.period.from, ctx.timeZone)} to ${localDay(result.period.to, ctx.timeZone)} vs ${localDay(result.previous.from, ctx.timeZone)} to ${localDay(result.previous.to, ctx.timeZone)} (ends exclusive, ${ctx.timeZone}) · amounts in USD`
            : "Split a cost change between two periods into volume, model mix and unit-price effects"
        }
      />
      <Card>
        <form method="get" action={base} className="grid items-end gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Field label="Feature" htmlFor="why-feature" error={errorOf("feature")}>
            <Select id="why-feature" name="feature" defaultValue={values.feature}>
              <option value="">All features</option>
              {features.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="This period from" htmlFor="why-from" error={errorOf("from")}>
            <Input id="why-from" name="from" type="date" defaultValue={values.from.slice(0, 10)} invalid={!!errorOf("from")} />
          </Field>
          <Field label="This period to (exclusive)" htmlFor="why-to" error={errorOf("to")}>
            <Input id="why-to" name="to" type="date" defaultValue={values.to.slice(0, 10)} invalid={!!errorOf("to")} />
          </Field>
          <Field label="Previous from" htmlFor="why-previous-from" error={errorOf("previous_from")}>
            <Input id="why-previous-from" name="previous_from" type="date" defaultValue={values.previous_from.slice(0, 10)} invalid={!!errorOf("previous_from")} />
          </Field>
          <Field label="Previous to (exclusive)" htmlFor="why-previous-to" error={errorOf("previous_to")}>
            <Input id="why-previous-to" name="previous_to" type="date" defaultValue={values.previous_to.slice(0, 10)} invalid={!!errorOf("previous_to")} />
          </Field>
          <Button type="submit">Compare</Button>
        </form>
        <p className="mt-3 text-xs text-slate-500">Empty dates: the last 30 days vs the 30 days before them.</p>
      </Card>
      <div className="mt-6 space-y-6">
        {issues.length > 0 ? (
          <Alert>
            These periods can’t be compared: {issues.map((i) => `${i.path}: ${i.message}`).join("; ")}.
          </Alert>
        ) : null}
        {result && Number(result.before) === 0 && Number(result.after) === 0 ? (
          <Card>
            <EmptyState title="No spend in either period">Pick other dates or another feature, or send events for it.</EmptyState>
          </Card>
        ) : null}
        {result && !(Number(result.before) === 0 && Number(result.after) === 0) ? <Explanation result={result} feature={values.feature} /> : null}
      </div>
    </>
  );
}

function Explanation({ result, feature }: { result: CostChangeExplanation; feature: string }) {
  const max = Math.max(...EFFECTS.map((e) => Math.abs(Number(result[e.key]))), 1e-12);
  const header = ["model", "before_usd", "after_usd", "change_usd", "share_before", "share_after"];
  const rows = result.models.map((m) => [m.model, m.before, m.after, m.change, m.share_before, m.share_after]);
  return (
    <>
      <Card>
        <p className="text-lg font-semibold text-slate-900" data-testid="why-headline">
          Cost went from {formatUsdTotal(result.before)} to {formatUsdTotal(result.after)} ({signed(result.change)}, {percent(result.before, result.change)})
        </p>
      </Card>
      <Card title="What moved it" description="Three effects that add up to the change.">
        <ul className="space-y-3" aria-label="Effects">
          {EFFECTS.map((e) => {
            const amount = result[e.key];
            const width = `${Math.round((Math.abs(Number(amount)) / max) * 100)}%`;
            const negative = Number(amount) < 0;
            return (
              <li key={e.key} data-testid={`effect-${e.key}`} data-amount={amount} className="grid gap-1 sm:grid-cols-[8rem_1fr_7rem] sm:items-center">
                <span className="text-sm font-medium text-slate-800">{e.label}</span>
                <span>
                  <span className="block h-3 rounded-sm bg-slate-100">
                    <span className={`block h-3 rounded-sm ${negative ? "bg-emerald-500" : "bg-accent-500"}`} style={{ width }} />
                  </span>
                  <span className="mt-1 block text-xs text-slate-500">{e.explain}</span>
                </span>
                <span className="text-right text-sm tabular-nums text-slate-900">{signed(amount)}</span>
              </li>
            );
          })}
        </ul>
        <p className="mt-4 border-t border-slate-200 pt-3 text-sm text-slate-600" data-testid="why-check">
          Volume + mix + price = change: {signed(result.volume)} {signed(result.modelMix).replace(/^([+-])/, "$1 ")} {signed(result.unitPrice).replace(/^([+-])/, "$1 ")} = {signed(result.change)}
        </p>
      </Card>
      <Card
        title="By model"
        description="Cost per model in each period and its share of tokens."
        actions={<CsvExportButton filename={`why-${feature || "all"}-${result.period.from.slice(0, 10)}.csv`} header={header} rows={rows} />}
      >
        <Table label="Cost change by model">
          <thead>
            <tr>
              <Th>Model</Th>
              <Th numeric>Before</Th>
              <Th numeric>After</Th>
              <Th numeric>Change</Th>
              <Th numeric>Token share before → after</Th>
            </tr>
          </thead>
          <tbody>
            {result.models.map((m) => (
              <tr key={m.model}>
                <Td>{m.model}</Td>
                <Td numeric>{formatUsdTotal(m.before)}</Td>
                <Td numeric>{formatUsdTotal(m.after)}</Td>
                <Td numeric>{signed(m.change)}</Td>
                <Td numeric>
                  {share(m.share_before)} → {share(m.share_after)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
