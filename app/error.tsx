"use client";

import { Button } from "@/components/ui/button";

/** Any unexpected failure while rendering: a way forward, never a stack trace. */
export default function ErrorPage({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        The page could not be shown. Nothing you saved was lost. Try again; if it keeps happening, tell your administrator
        {error.digest ? <> and quote reference <code className="font-mono">{error.digest}</code></> : null}.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
