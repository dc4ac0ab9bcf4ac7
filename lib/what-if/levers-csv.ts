import type { SavingsLever } from "./propose-savings-levers";

/** The savings levers' CSV columns; amounts exact. */
export const SAVINGS_LEVERS_CSV_HEADER = ["lever", "detail", "basis", "monthly_saving_usd"];

/** One CSV row per lever, as the table shows them. */
export function savingsLeversCsvRows(levers: readonly SavingsLever[]): string[][] {
  return levers.map((lever) => [lever.title, lever.detail, lever.basis, lever.monthly_saving_usd]);
}
