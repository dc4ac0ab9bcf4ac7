import { queryRaw } from "@/lib/db";
import { DAILY_ROLLUP_MISMATCHES_SQL } from "./daily-rollup-mismatches-sql";

/** The mismatching rows of DAILY_ROLLUP_MISMATCHES_SQL for one organization: empty when they agree. */
export async function dailyRollupMismatches(orgId: string): Promise<Record<string, unknown>[]> {
  return queryRaw(DAILY_ROLLUP_MISMATCHES_SQL, [orgId]);
}
