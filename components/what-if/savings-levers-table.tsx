import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal } from "@/lib/format/format-money";
import type { SavingsLever } from "@/lib/what-if/propose-savings-levers";

/** The savings levers, largest first, each with how its saving was estimated. */
export function SavingsLeversTable({ levers }: { levers: SavingsLever[] }) {
  return (
    <Table label="Savings levers">
      <thead>
        <tr>
          <Th>Lever</Th>
          <Th>How it is estimated</Th>
          <Th numeric>Saving / month</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {levers.map((lever) => (
          <tr key={lever.id}>
            <Td className="align-top">
              {/* Cells do not wrap by default (numbers); these sentences must, or the saving leaves the card. */}
              <p className="min-w-56 whitespace-normal font-medium text-slate-900">{lever.title}</p>
              <p className="mt-0.5 min-w-56 max-w-md whitespace-normal text-xs text-slate-500">{lever.detail}</p>
            </Td>
            <Td className="align-top">
              <p className="min-w-56 max-w-md whitespace-normal text-xs text-slate-500">{lever.basis}</p>
            </Td>
            <Td numeric className="align-top font-medium text-slate-900">
              {formatUsdTotal(lever.monthly_saving_usd)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

