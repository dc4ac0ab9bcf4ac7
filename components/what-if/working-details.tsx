import type { WorkingLine } from "@/lib/what-if/types";

/** A tool's inputs, formula and caveats, so every figure can be checked by hand. */
export function WorkingDetails({ inputs, formula, notes = [] }: { inputs: WorkingLine[]; formula: WorkingLine[]; notes?: string[] }) {
  return (
    <div className="mt-4 grid gap-4 border-t border-slate-100 pt-4 text-sm lg:grid-cols-2">
      <div className="min-w-0">
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Inputs</h3>
        <Lines lines={inputs} />
      </div>
      <div className="min-w-0">
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Formula</h3>
        <Lines lines={formula} />
        {notes.length > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-5 text-xs text-slate-500">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

function Lines({ lines }: { lines: WorkingLine[] }) {
  return (
    <dl className="mt-2 space-y-1.5">
      {lines.map((line) => (
        <div key={line.label} className="min-w-0">
          <dt className="text-slate-500">{line.label}</dt>
          <dd className="break-words font-mono text-xs text-slate-800">{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One result figure: a label and a large value. */
export function ResultFigure({ label, value, testId, detail }: { label: string; value: string; testId: string; detail?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3">
      <p className="text-xs text-slate-500">{label}</p>
      <p data-testid={testId} className="mt-0.5 text-xl font-semibold tabular-nums text-slate-900">
        {value}
      </p>
      {detail ? <p className="mt-0.5 text-xs text-slate-500">{detail}</p> : null}
    </div>
  );
}
