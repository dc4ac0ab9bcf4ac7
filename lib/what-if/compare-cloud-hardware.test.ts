import { describe, expect, it } from "vitest";
import { compareCloudHardware, type CloudHardwareInput } from "./compare-cloud-hardware";

const base: CloudHardwareInput = { cloudMonthlyUsd: "10000", egressMonthlyUsd: "500", capexUsd: "120000", lifeMonths: "36", powerMonthlyUsd: "800", operationsMonthlyUsd: "700", staffMonthlyUsd: "2000" };

describe("compareCloudHardware", () => {
  it("compares owned monthly cost with cloud plus egress", () => {
    const result = compareCloudHardware(base);
    // 120000 ÷ 36 = 3333.33…, + 3500 running = 6833.33…; ÷ 10500 = 0.65079… → borderline.
    expect(result.cloud_monthly_usd).toBe("10500.0000000000");
    expect(result.amortization_monthly_usd).toBe("3333.3333333333");
    expect(result.owned_monthly_usd).toBe("6833.3333333333");
    expect(result.ratio).toBe("0.6508");
    expect(result.verdict).toBe("borderline");
    // 120000 ÷ (10500 − 3500) = 17.14… months.
    expect(result.break_even_months).toBe("17.1");
    expect(result.saving_monthly_usd).toBe("3666.6666666667");
  });

  it("reads the 0.6–0.7 trigger with both ends borderline", () => {
    const at = (cloud: string) => compareCloudHardware({ ...base, cloudMonthlyUsd: cloud, egressMonthlyUsd: "0", capexUsd: "0", powerMonthlyUsd: "0", operationsMonthlyUsd: "0", staffMonthlyUsd: "6000" });
    expect(at("10000").verdict).toBe("borderline"); // 0.6
    expect(at("10001").verdict).toBe("consider_owning"); // 0.59994
    expect(at("8571.42").verdict).toBe("keep_cloud"); // 0.700000…1
    expect(at("8571.43").verdict).toBe("borderline"); // 0.69999…
  });

  it("has no break-even when running costs exceed the cloud bill, and no ratio without cloud spend", () => {
    const dear = compareCloudHardware({ ...base, cloudMonthlyUsd: "3000", egressMonthlyUsd: "0" });
    expect(dear.break_even_months).toBeNull();
    expect(dear.verdict).toBe("keep_cloud");
    const none = compareCloudHardware({ ...base, cloudMonthlyUsd: "0", egressMonthlyUsd: "0" });
    expect(none.ratio).toBeNull();
    expect(none.verdict).toBe("keep_cloud");
  });
});
