import { formatShare } from "@/components/overview/format";
import type { MixSlice } from "@/lib/features/prepare-features";

/** A model mix as one thin stacked bar with its largest model named; the full split is in the title and for screen readers. */
export function ModelMixBar({ mix }: { mix: MixSlice[] }) {
  if (mix.length === 0) return <span className="text-slate-400">–</span>;
  const description = mix.map((s) => `${s.label} ${formatShare(s.share)}`).join(", ");
  return (
    <div className="flex min-w-[10rem] items-center gap-2" title={description}>
      <div className="flex h-2 w-20 shrink-0 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {mix.map((s) => (
          <span key={s.label} style={{ width: `${s.share * 100}%`, backgroundColor: s.color }} />
        ))}
      </div>
      <span className="truncate text-xs text-slate-600">
        <span className="sr-only">Model mix: {description}</span>
        <span aria-hidden="true">
          {mix[0].label} {formatShare(mix[0].share)}
        </span>
      </span>
    </div>
  );
}
