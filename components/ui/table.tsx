import type { ReactNode } from "react";

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
export function Table({ children, label }: { children: ReactNode; label: string }) {
  // `relative` makes the scroller the containing block of screen-reader-only text in cells (which is
  // absolutely positioned); without it that text escapes the scroller and widens the whole page.
  return (
    <div className="relative -mx-5 overflow-x-auto">
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
        {children}
      </table>
    </div>
  );
}

/** A header cell; numbers are right-aligned so their digits line up. */
export function Th({ children, numeric }: { children?: ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" className={`px-5 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 ${numeric ? "text-right" : "text-left"}`}>
      {children}
    </th>
  );
}

/** A body cell. */
export function Td({ children, numeric, wrap, className = "" }: { children?: ReactNode; numeric?: boolean; wrap?: boolean; className?: string }) {
  // `wrap` rather than a whitespace class in `className`: two whitespace classes on one element
  // resolve by stylesheet order, not by the order written here.
  return <td className={`${wrap ? "whitespace-normal" : "whitespace-nowrap"} px-5 py-2.5 text-slate-700 ${numeric ? "text-right tabular-nums" : ""} ${className}`}>{children}</td>;
}
