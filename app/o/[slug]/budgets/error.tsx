"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** A budgets page that failed to load: inside the app's frame, with a way to try again. */
export default function BudgetsError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <Card title="Budgets could not be shown">
      <div role="alert" className="space-y-3 text-sm text-slate-700">
        <p>
          Nothing was changed. Try again; if it keeps happening, tell your administrator
          {error.digest ? (
            <>
              {" "}
              and quote reference <code className="font-mono">{error.digest}</code>
            </>
          ) : null}
          .
        </p>
        <Button type="button" variant="secondary" onClick={reset}>
          Try again
        </Button>
      </div>
    </Card>
  );
}
