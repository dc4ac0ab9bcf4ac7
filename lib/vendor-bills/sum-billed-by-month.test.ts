import { describe, expect, it } from "vitest";
import { sumBilledByMonth, sumBilledByProjectMonth } from "./sum-billed-by-month";
import type { BilledCostRow } from "./types";

const row = (vendor: BilledCostRow["vendor"], date: string, amountUsd: string, project: string | null = null): BilledCostRow => ({
  vendor,
  date,
  month: date.slice(0, 7),
  amountUsd,
  currency: "USD",
  project,
  apiKeyId: null,
  model: null,
  lineItem: null,
  rowRef: "data[0].results[0]",
});

describe("sumBilledByMonth", () => {
  it("sums exactly per vendor and month, sorted, credits included", () => {
    const rows = [
      row("openai", "2026-10-02", "0.1000000001"),
      row("anthropic", "2026-10-01", "1.0000000000"),
      row("openai", "2026-09-30", "5.0000000000"),
      row("openai", "2026-10-31", "0.2000000002"),
      row("openai", "2026-10-15", "-0.0500000000"),
    ];
    expect(sumBilledByMonth(rows)).toEqual([
      { vendor: "anthropic", month: "2026-10", amountUsd: "1.0000000000", rows: 1 },
      { vendor: "openai", month: "2026-09", amountUsd: "5.0000000000", rows: 1 },
      { vendor: "openai", month: "2026-10", amountUsd: "0.2500000003", rows: 3 },
    ]);
  });

  it("splits by project, the unattributed (null) project first", () => {
    const rows = [row("openai", "2026-10-01", "1", "proj_b"), row("openai", "2026-10-02", "2", null), row("openai", "2026-10-03", "3", "proj_a"), row("openai", "2026-10-04", "4", "proj_b")];
    expect(sumBilledByProjectMonth(rows).map((t) => [t.project, t.amountUsd, t.rows])).toEqual([
      [null, "2.0000000000", 1],
      ["proj_a", "3.0000000000", 1],
      ["proj_b", "5.0000000000", 2],
    ]);
  });

  it("gives nothing for no rows", () => {
    expect(sumBilledByMonth([])).toEqual([]);
  });
});
