import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { UnpricedModel } from "@/lib/overview/load-overview";

/** The models whose calls this month had no price. Renders nothing when every call was priced. */
export function UnpricedModels({ models, pricesHref }: { models: UnpricedModel[]; pricesHref: string }) {
  if (models.length === 0) return null;
  return (
    <Card
      title="Unpriced usage"
      description="These calls count as $0 until the model has a price."
      actions={
        <Link href={pricesHref} className="text-sm text-accent-600 hover:underline">
          Set prices
        </Link>
      }
    >
      <Table label="Unpriced models">
        <thead>
          <tr>
            <Th>Provider</Th>
            <Th>Model</Th>
            <Th numeric>Unpriced events</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {models.map((m) => (
            <tr key={`${m.provider}/${m.model}`}>
              <Td>{m.provider}</Td>
              <Td className="font-medium text-slate-900">{m.model}</Td>
              <Td numeric>{m.unpricedEvents.toLocaleString("en-US")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
