"use server";

import { revalidatePath } from "next/cache";
import { Prisma } from "@/lib/db";
import { runOrgAction } from "@/lib/http/with-action";
import { createPriceOverride } from "@/lib/price-overrides/create-price-override";

/** The form's fields: prices per million tokens, as people read price pages. */
export type PriceFormInput = {
  kind: "discount" | "custom";
  provider: string;
  model?: string;
  discountPct?: string;
  perMillion?: { input?: string; output?: string; cacheRead?: string; cacheWrite?: string; reasoning?: string };
  effectiveFrom: string;
  reprice: boolean;
};

function perToken(value: string | undefined): string | undefined {
  if (!value || !value.trim()) return undefined;
  try {
    return new Prisma.Decimal(value.trim()).dividedBy(1_000_000).toFixed();
  } catch {
    return value; // left as typed, so the schema names the field
  }
}

/** Adds a price override from the settings form. */
export async function createPriceOverrideAction(orgSlug: string, input: PriceFormInput) {
  const result = await runOrgAction(orgSlug, (ctx) =>
    createPriceOverride(
      ctx,
      input.kind === "discount"
        ? { kind: "discount", provider: input.provider, discount_pct: input.discountPct ?? "", effective_from: input.effectiveFrom, reprice: input.reprice }
        : {
            kind: "custom",
            provider: input.provider,
            model: input.model ?? "",
            input_price: perToken(input.perMillion?.input) ?? "",
            output_price: perToken(input.perMillion?.output) ?? "",
            cache_read_price: perToken(input.perMillion?.cacheRead),
            cache_write_price: perToken(input.perMillion?.cacheWrite),
            reasoning_price: perToken(input.perMillion?.reasoning),
            effective_from: input.effectiveFrom,
            reprice: input.reprice,
          },
    ),
  );
  revalidatePath(`/o/${orgSlug}/settings/prices`);
  return result;
}
