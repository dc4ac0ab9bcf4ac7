import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { GettingStartedStep } from "@/lib/overview/load-getting-started";

/** The overview's empty state: the steps to the first event. */
export function GettingStarted({ steps }: { steps: GettingStartedStep[] }) {
  return (
    <Card title="Getting started" description="No events yet. Spend, forecasts and top features appear here as soon as events arrive.">
      <ol className="space-y-3">
        {steps.map((step, index) => (
          <li key={step.title} className="flex items-start gap-3 text-sm">
            <span
              aria-label={step.done ? "Done" : "To do"}
              className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-medium ${step.done ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
            >
              {step.done ? "✓" : index + 1}
            </span>
            {step.href ? (
              <Link href={step.href} className="text-accent-600 hover:underline">
                {step.title}
              </Link>
            ) : (
              <span className="text-slate-700">{step.title}</span>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
