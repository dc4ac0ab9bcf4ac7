import { z } from "zod";

/** The output formats of `GET /api/v1/margins`. */
export const MARGIN_FORMATS = ["json", "csv"] as const;

/** `GET /api/v1/margins` parameters; the period itself is read by `parseMarginPeriod` in the organization's zone. */
export const marginsQuerySchema = z.object({
  period: z.string().trim().min(1, "must not be empty").optional(),
  format: z.enum(MARGIN_FORMATS, { error: `must be one of ${MARGIN_FORMATS.join(", ")}` }).default("json"),
});
export type MarginsQuery = z.infer<typeof marginsQuerySchema>;
