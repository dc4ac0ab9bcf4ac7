"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Any organization page that failed to load: inside the app's frame, with a way to try again. */
export default function OrgPageError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <Card title="This page could not be shown">
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
