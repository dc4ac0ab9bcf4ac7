import { Badge } from "@/components/ui/badge";
import type { WaterfallRow } from "@/lib/workflows-view/prepare-waterfall";

const tokenFormat = new Intl.NumberFormat("en-US");

/** A run's calls in order, each a bar at its offset as wide as its latency; decides nothing. */
export function RunWaterfall({ rows }: { rows: WaterfallRow[] }) {
  return (
    <ol aria-label="Calls of the run" className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li
          key={row.id}
          id={row.anchor}
          data-testid="waterfall-row"
          data-most-expensive={row.mostExpensive || undefined}
          className={`grid scroll-mt-20 gap-2 px-2 py-2.5 text-sm lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)_minmax(0,16rem)] lg:items-center ${row.mostExpensive ? "rounded-md bg-amber-50 ring-1 ring-amber-300" : ""}`}
        >
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <span className="tabular-nums text-slate-400">{row.index}.</span>
              <span className="truncate font-medium text-slate-900">{row.model}</span>
              <Badge tone={row.status === "error" ? "red" : "green"}>{row.status}</Badge>
              {row.mostExpensive ? <Badge tone="yellow">most expensive</Badge> : null}
            </div>
            <p className="truncate text-xs text-slate-500">
              {row.provider} · {row.label} · {row.offsetLabel}
            </p>
          </div>
          <div className="relative h-4 rounded bg-slate-100" aria-hidden="true">
            <div
              className={`absolute inset-y-0 rounded ${row.status === "error" ? "bg-red-400" : row.mostExpensive ? "bg-amber-500" : "bg-accent-500"}`}
              style={{ left: `${row.leftPct}%`, width: `${row.widthPct}%` }}
            />
          </div>
          <dl className="grid grid-cols-3 gap-x-3 text-xs text-slate-600 tabular-nums">
            <div>
              <dt className="sr-only">Cost</dt>
              <dd className="font-medium text-slate-900" data-testid="call-cost">
                {row.costLabel}
              </dd>
              <dd className="text-slate-400">{row.costShareLabel}</dd>
            </div>
            <div>
              <dt className="sr-only">Latency</dt>
              <dd>{row.latencyLabel}</dd>
            </div>
            <div>
              <dt className="sr-only">Tokens</dt>
              <dd title="input / output / cached / reasoning">
                {tokenFormat.format(row.tokens.input)} in · {tokenFormat.format(row.tokens.output)} out
              </dd>
              <dd className="text-slate-400">
                {tokenFormat.format(row.tokens.cached)} cached · {tokenFormat.format(row.tokens.reasoning)} reasoning
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
