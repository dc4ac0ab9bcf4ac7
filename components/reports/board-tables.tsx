import { LevelLight } from "@/components/budgets/level-light";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal } from "@/lib/format/format-money";
import { formatPct } from "@/lib/reports/board-headlines";
import type { BoardBudget, BoardFeatureMargin, BoardLever } from "@/lib/reports/board-report";
import type { RiskItem } from "@/lib/reports/rank-top-risks";
import type { ReactNode } from "react";

/** A body cell whose text wraps (the shared Td keeps one line), for titles and explanations. */
function WrapTd({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return <td className={`px-5 py-2.5 align-top text-slate-700 ${className}`}>{children}</td>;
}

const RISK_WORD: Record<RiskItem["kind"], string> = { budget: "Red budget", anomaly: "Cost spike", shadow_ai: "Shadow AI" };

/** A section title inside a sheet with its CSV export (hidden in print). */
function SectionHead({ title, description, csv }: { title: string; description?: ReactNode; csv?: ReactNode }) {
  return (
    <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
      <div>
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        {description ? <p className="text-xs text-slate-500">{description}</p> : null}
      </div>
      {csv ? <div className="print:hidden">{csv}</div> : null}
    </div>
  );
}

/** Revenue and margin per feature, largest revenue first. */
export function FeatureMarginsTable({ features, filename }: { features: BoardFeatureMargin[]; filename: string }) {
  return (
    <div>
      <SectionHead
        title="Margin per feature"
        csv={
          <CsvExportButton
            filename={filename}
            header={["feature", "revenue_usd", "inference_cost_usd", "gross_margin_pct", "inference_share_of_revenue_pct"]}
            rows={features.map((f) => [f.feature, f.revenue_usd, f.inference_cost_usd, f.gross_margin_pct, f.inference_share_of_revenue_pct])}
          />
        }
      />
      {features.length === 0 ? (
        <EmptyState title="No revenue or spend in this period">Margins per feature appear once revenue is recorded (Settings → Revenue, or POST /api/v1/revenue).</EmptyState>
      ) : (
        <Table label="Margin per feature">
          <thead>
            <tr>
              <Th>Feature</Th>
              <Th numeric>Revenue</Th>
              <Th numeric>Inference cost</Th>
              <Th numeric>Gross margin</Th>
              <Th numeric>Inference / revenue</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {features.map((f) => (
              <tr key={f.feature}>
                <Td className="font-medium text-slate-900">{f.feature}</Td>
                <Td numeric>{formatUsdTotal(f.revenue_usd)}</Td>
                <Td numeric>{formatUsdTotal(f.inference_cost_usd)}</Td>
                <Td numeric>{formatPct(f.gross_margin_pct)}</Td>
                <Td numeric>{formatPct(f.inference_share_of_revenue_pct)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

/** Every budget's light, worst first, as of its last evaluation. */
export function BudgetLightsTable({ budgets, counts, filename }: { budgets: BoardBudget[]; counts: string; filename: string }) {
  return (
    <div className="min-w-0">
      <SectionHead
        title="Budget lights"
        description={budgets.length === 0 ? undefined : `${counts}, as of their last evaluation`}
        csv={<CsvExportButton filename={filename} header={["budget", "level", "spend_usd", "amount_usd", "forecast_usd", "reason"]} rows={budgets.map((b) => [b.name, b.level, b.spend_usd, b.amount_usd, b.forecast_usd, b.reason])} />}
      />
      {budgets.length === 0 ? (
        <EmptyState title="No budgets yet">A budget turns yellow and red as spend nears its amount.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {budgets.map((b) => (
            <li key={b.name} className="py-2" data-testid="board-budget">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <p className="min-w-0">
                  <LevelLight level={b.level} testId="board-budget-level" /> <span className="font-medium text-slate-900">{b.name}</span>
                </p>
                <p className="text-sm tabular-nums text-slate-700">
                  {formatUsdTotal(b.spend_usd)} of {formatUsdTotal(b.amount_usd)}
                  {b.forecast_usd ? <span className="text-slate-500"> · forecast {formatUsdTotal(b.forecast_usd)}</span> : null}
                </p>
              </div>
              <p className="mt-0.5 text-xs text-slate-500">{b.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Red budgets, the period's cost spikes and open shadow-AI findings. */
export function RisksTable({ risks, filename }: { risks: RiskItem[]; filename: string }) {
  return (
    <div>
      <SectionHead
        title="Top risks"
        description="Red budgets, cost spikes in the period, and the largest open shadow-AI findings"
        csv={<CsvExportButton filename={filename} header={["kind", "risk", "detail", "amount_usd"]} rows={risks.map((r) => [r.kind, r.title, r.detail, r.amount_usd])} />}
      />
      {risks.length === 0 ? (
        <EmptyState title="No risk to report">No red budget, cost spike or open shadow-AI finding in this period.</EmptyState>
      ) : (
        <Table label="Top risks">
          <thead>
            <tr>
              <Th>Kind</Th>
              <Th>Risk</Th>
              <Th>Detail</Th>
              <Th numeric>At stake</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {risks.map((r) => (
              <tr key={`${r.kind}:${r.title}`}>
                <Td>{RISK_WORD[r.kind]}</Td>
                <WrapTd className="min-w-48 font-medium text-slate-900">{r.title}</WrapTd>
                <WrapTd className="min-w-64 text-xs">
                  <span className="print:line-clamp-2">{r.detail}</span>
                </WrapTd>
                <Td numeric>{formatUsdTotal(r.amount_usd)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

/** The what-if tools' savings levers with their estimated monthly value, and their total. */
export function LeversTable({ levers, totalUsd, filename }: { levers: BoardLever[]; totalUsd: string; filename: string }) {
  return (
    <div>
      <SectionHead
        title="Savings levers"
        description="Estimated from this period's usage by the what-if tools"
        csv={<CsvExportButton filename={filename} header={["lever", "detail", "basis", "monthly_saving_usd"]} rows={levers.map((l) => [l.title, l.detail, l.basis, l.monthly_saving_usd])} />}
      />
      {levers.length === 0 ? (
        <EmptyState title="No savings lever found">No cheaper route or cache opportunity in this period&apos;s usage.</EmptyState>
      ) : (
        <Table label="Savings levers">
          <thead>
            <tr>
              <Th>Lever</Th>
              <Th>How it is estimated</Th>
              <Th numeric>Per month</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {levers.map((l) => (
              <tr key={l.id}>
                <WrapTd className="min-w-48 font-medium text-slate-900">{l.title}</WrapTd>
                <WrapTd className="min-w-64 text-xs">
                  <span className="print:line-clamp-2">
                    {l.detail} ({l.basis})
                  </span>
                </WrapTd>
                <Td numeric>{formatUsdTotal(l.monthly_saving_usd)}</Td>
              </tr>
            ))}
            <tr>
              <Td className="font-semibold text-slate-900">Total</Td>
              <Td />
              <Td numeric className="font-semibold text-slate-900">
                {formatUsdTotal(totalUsd)}
              </Td>
            </tr>
          </tbody>
        </Table>
      )}
    </div>
  );
}
