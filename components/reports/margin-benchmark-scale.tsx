import { AI_MARGIN_BENCHMARK, SAAS_MARGIN_BENCHMARK, type MarginVerdict } from "@/lib/reports/margin-benchmark";
import { formatPct } from "@/lib/reports/board-headlines";

const TONE = { red: "text-red-700", yellow: "text-amber-800", green: "text-emerald-700", neutral: "text-slate-600" } as const;
const clamp = (pct: number) => Math.min(100, Math.max(0, pct));

/** The gross margin on a 0–100 % scale with the AI (50–60 %) and SaaS (70–90 %) bands, and the verdict in words. */
export function MarginBenchmarkScale({ verdict }: { verdict: MarginVerdict }) {
  const band = (low: string, high: string) => ({ left: `${low}%`, width: `${Number(high) - Number(low)}%` });
  return (
    <div className="space-y-2">
      <p className={`text-sm font-semibold ${TONE[verdict.tone]}`} data-testid="board-margin-verdict">
        {verdict.gross_margin_pct === null ? "No revenue" : formatPct(verdict.gross_margin_pct)}: {verdict.text}
      </p>
      <div className="max-w-xl">
        <div className="relative h-3 rounded bg-slate-100" role="img" aria-label={`Gross margin ${verdict.gross_margin_pct === null ? "not measured" : formatPct(verdict.gross_margin_pct)} on a scale from 0 to 100%, with the AI band ${AI_MARGIN_BENCHMARK.low}–${AI_MARGIN_BENCHMARK.high}% and the SaaS band ${SAAS_MARGIN_BENCHMARK.low}–${SAAS_MARGIN_BENCHMARK.high}%`}>
          <div className="absolute inset-y-0 bg-amber-200 print:bg-amber-200" style={band(AI_MARGIN_BENCHMARK.low, AI_MARGIN_BENCHMARK.high)} />
          <div className="absolute inset-y-0 bg-emerald-200" style={band(SAAS_MARGIN_BENCHMARK.low, SAAS_MARGIN_BENCHMARK.high)} />
          {verdict.gross_margin_pct !== null ? <div className="absolute -inset-y-1 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: `${clamp(Number(verdict.gross_margin_pct))}%` }} /> : null}
        </div>
        <div className="relative mt-1 h-4 whitespace-nowrap text-xs text-slate-500">
          <span className="absolute left-0">0%</span>
          <span className="absolute -translate-x-1/2 text-amber-800" style={{ left: "55%" }}>
            AI {AI_MARGIN_BENCHMARK.low}–{AI_MARGIN_BENCHMARK.high}%
          </span>
          <span className="absolute -translate-x-1/2 text-emerald-800" style={{ left: "80%" }}>
            SaaS {SAAS_MARGIN_BENCHMARK.low}–{SAAS_MARGIN_BENCHMARK.high}%
          </span>
          <span className="absolute right-0">100%</span>
        </div>
      </div>
    </div>
  );
}
