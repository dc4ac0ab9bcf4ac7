"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getAlertDeliveryLogAction } from "@/app/o/[slug]/alerts/actions";
import { Table, Td, Th } from "@/components/ui/table";
import { attemptRows } from "@/lib/budgets-view/prepare-alert-feed";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";
import { formatDateTime } from "@/lib/format/format-date";

/** An alert's delivery log, read when opened: each attempt per channel with its answer. */
export function DeliveryLog({ orgSlug, alertId, timeZone }: { orgSlug: string; alertId: string; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: budgetsViewKeys.deliveryLog(orgSlug, alertId),
    queryFn: async () => {
      const result = await getAlertDeliveryLogAction(orgSlug, alertId);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    enabled: open,
  });
  return (
    <details className="text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-accent-700 hover:underline">Delivery log</summary>
      <div className="mt-2 px-5">
        {query.isPending ? (
          <p role="status" className="text-slate-500">
            Loading attempts…
          </p>
        ) : query.isError ? (
          <p role="alert" className="text-red-700">
            The delivery log could not be loaded: {query.error.message}
          </p>
        ) : (
          <AttemptTable rows={attemptRows(query.data.deliveries, query.data.attempts)} timeZone={timeZone} />
        )}
      </div>
    </details>
  );
}

function AttemptTable({ rows, timeZone }: { rows: ReturnType<typeof attemptRows>; timeZone: string }) {
  if (rows.length === 0) return <p className="text-slate-500">No attempts yet: the worker sends within seconds.</p>;
  return (
    <Table label="Delivery attempts">
      <thead>
        <tr>
          <Th>Channel</Th>
          <Th numeric>Attempt</Th>
          <Th>Time</Th>
          <Th numeric>Duration</Th>
          <Th>Result</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={`${r.channel}-${r.attempt}-${r.startedAt}`}>
            <Td className="max-w-56 truncate">{r.channel}</Td>
            <Td numeric>{r.attempt}</Td>
            <Td>{formatDateTime(r.startedAt, timeZone)}</Td>
            <Td numeric>{r.durationMs} ms</Td>
            <Td className={r.ok ? "text-emerald-800" : "text-red-700"}>{r.result}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
