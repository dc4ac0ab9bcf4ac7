import { z } from "zod";

const pricePerToken = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => /^\d{1,6}(\.\d{1,14})?$/.test(v) || /^\d+(\.\d+)?e-\d+$/i.test(v), "must be a non-negative USD price per token, e.g. 0.0000025");
const provider = z.string({ error: "is required" }).min(1, "is required").max(64).regex(/^[a-z0-9][a-z0-9_.-]*$/, "must be lower-case, e.g. openai, self_hosted");
const effectiveFrom = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with a zone" }).or(z.iso.date({ error: "must be a date like 2026-10-01" }));

/** A new organization price (SPEC 2.2): a discount on a provider, or per-token prices for a model. */
export const createPriceOverrideSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("discount"),
      provider,
      discount_pct: z.union([z.string(), z.number()]).transform(String).refine((v) => /^\d{1,3}(\.\d{1,4})?$/.test(v) && Number(v) <= 100, "must be a percentage from 0 to 100"),
      effective_from: effectiveFrom,
      reprice: z.boolean().default(false),
    }),
    z.object({
      kind: z.literal("custom"),
      provider,
      model: z.string({ error: "is required" }).min(1, "is required").max(200),
      input_price: pricePerToken,
      output_price: pricePerToken,
      cache_read_price: pricePerToken.optional(),
      cache_write_price: pricePerToken.optional(),
      reasoning_price: pricePerToken.optional(),
      effective_from: effectiveFrom,
      reprice: z.boolean().default(false),
    }),
  ],
  { error: "kind must be discount or custom" },
);
export type CreatePriceOverrideInput = z.input<typeof createPriceOverrideSchema>;
