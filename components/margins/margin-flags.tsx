import { Badge } from "@/components/ui/badge";
import type { FlagView } from "@/lib/margins/prepare-margins-view";

/** A feature's flags as badges, each with its one-line explanation (visible on hover and to screen readers). */
export function MarginFlags({ flags }: { flags: FlagView[] }) {
  if (flags.length === 0) return <span className="text-xs text-slate-400">–</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {flags.map((f) => (
        // relative: the screen-reader text is absolutely positioned; inside a scrolling table it must not widen the page.
        <li key={f.flag} title={f.explanation} data-flag={f.flag} className="relative">
          <Badge tone={f.tone}>{f.label}</Badge>
          <span className="sr-only">: {f.explanation}</span>
        </li>
      ))}
    </ul>
  );
}

/** The explanations of the flags in use, under the table. */
export function MarginFlagLegend({ flags }: { flags: FlagView[] }) {
  if (flags.length === 0) return null;
  return (
    <dl className="mt-3 space-y-1 text-xs text-slate-600">
      {flags.map((f) => (
        <div key={f.flag} className="flex flex-wrap items-baseline gap-2">
          <dt>
            <Badge tone={f.tone}>{f.label}</Badge>
          </dt>
          <dd>{f.explanation}</dd>
        </div>
      ))}
    </dl>
  );
}
