import { div, exact, sum, toDecimal, type Exact } from "./exact";
import type { WorkingLine } from "./types";

/** Monthly amounts in USD as decimal strings; capex once; life in months. */
export type CloudHardwareInput = {
  cloudMonthlyUsd: string;
  egressMonthlyUsd: string;
  capexUsd: string;
  lifeMonths: string;
  powerMonthlyUsd: string;
  operationsMonthlyUsd: string;
  staffMonthlyUsd: string;
};

/** consider_owning: ratio < 0.6; borderline: 0.6 ≤ ratio ≤ 0.7; keep_cloud: ratio > 0.7 or no cloud spend. */
export type CloudHardwareVerdict = "consider_owning" | "borderline" | "keep_cloud";

/** The comparison with its working. */
export type CloudHardwareResult = {
  cloud_monthly_usd: string;
  owned_monthly_usd: string;
  /** capex ÷ life months. */
  amortization_monthly_usd: string;
  /** power + operations + staff: what owning costs each month once bought. */
  running_monthly_usd: string;
  /** owned ÷ cloud, 4 places; null when there is no cloud spend. */
  ratio: string | null;
  verdict: CloudHardwareVerdict;
  /** cloud − owned (amortization included); negative when owning costs more. */
  saving_monthly_usd: string;
  /** capex ÷ (cloud − running), 1 place; null when running costs eat the whole cloud bill. */
  break_even_months: string | null;
  inputs: WorkingLine[];
  formula: WorkingLine[];
  notes: string[];
};

/** The 0.6–0.7 trigger of SPEC 9: owned monthly cost as a share of cloud monthly cost. */
export const OWN_BELOW_RATIO = "0.6";
export const KEEP_CLOUD_ABOVE_RATIO = "0.7";

/**
 * Cloud AI spend plus egress against owned hardware (SPEC 9): owned monthly = capex ÷ life +
 * power + operations + staff; ratio = owned ÷ cloud; break-even = capex ÷ (cloud − running costs).
 */
export function compareCloudHardware(input: CloudHardwareInput): CloudHardwareResult {
  const cloud = exact(input.cloudMonthlyUsd) + exact(input.egressMonthlyUsd);
  const capex = exact(input.capexUsd);
  const amortization = div(capex, exact(input.lifeMonths));
  const running = sum([exact(input.powerMonthlyUsd), exact(input.operationsMonthlyUsd), exact(input.staffMonthlyUsd)]);
  const owned = amortization + running;
  const ratio: Exact | null = cloud > BigInt(0) ? div(owned, cloud) : null;
  const verdict = readVerdict(ratio);
  const runningSaving = cloud - running;
  const breakEven = runningSaving > BigInt(0) ? div(capex, runningSaving) : null;
  const ratioText = ratio === null ? null : toDecimal(ratio, 4);
  return {
    cloud_monthly_usd: toDecimal(cloud),
    owned_monthly_usd: toDecimal(owned),
    amortization_monthly_usd: toDecimal(amortization),
    running_monthly_usd: toDecimal(running),
    ratio: ratioText,
    verdict,
    saving_monthly_usd: toDecimal(cloud - owned),
    break_even_months: breakEven === null ? null : toDecimal(breakEven, 1),
    inputs: [
      { label: "Cloud AI spend + egress per month", value: `${toDecimal(exact(input.cloudMonthlyUsd), 2)} + ${toDecimal(exact(input.egressMonthlyUsd), 2)}` },
      { label: "Capex / life", value: `${toDecimal(capex, 2)} over ${input.lifeMonths} months` },
      { label: "Power + operations + staff per month", value: `${toDecimal(exact(input.powerMonthlyUsd), 2)} + ${toDecimal(exact(input.operationsMonthlyUsd), 2)} + ${toDecimal(exact(input.staffMonthlyUsd), 2)}` },
    ],
    formula: [
      { label: "Owned per month", value: `${toDecimal(capex, 2)} ÷ ${input.lifeMonths} + ${toDecimal(running, 2)} = ${toDecimal(owned, 2)}` },
      { label: "Ratio owned ÷ cloud", value: ratioText === null ? "no cloud spend" : `${toDecimal(owned, 2)} ÷ ${toDecimal(cloud, 2)} = ${ratioText}` },
      { label: "Break-even", value: breakEven === null ? "never: running costs are at least the cloud bill" : `${toDecimal(capex, 2)} ÷ (${toDecimal(cloud, 2)} − ${toDecimal(running, 2)}) = ${toDecimal(breakEven, 1)} months` },
    ],
    notes: [
      `Reading: below ${OWN_BELOW_RATIO} consider owning; ${OWN_BELOW_RATIO} to ${KEEP_CLOUD_ABOVE_RATIO} (inclusive) borderline; above ${KEEP_CLOUD_ABOVE_RATIO} keep the cloud.`,
      "Break-even pays the purchase back from the monthly running-cost saving (cloud − power − operations − staff).",
    ],
  };
}

function readVerdict(ratio: Exact | null): CloudHardwareVerdict {
  if (ratio === null) return "keep_cloud";
  if (ratio < exact(OWN_BELOW_RATIO)) return "consider_owning";
  if (ratio <= exact(KEEP_CLOUD_ABOVE_RATIO)) return "borderline";
  return "keep_cloud";
}

