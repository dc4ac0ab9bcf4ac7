import { z } from "zod";

export const FINDING_STATUSES = ["open", "sanctioned", "to_retire", "dismissed"] as const;
export const findingStatusSchema = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

/** `PATCH /api/v1/shadow-ai/findings/{id}`: what people own on a finding. */
export const updateFindingSchema = z
  .object({
    status: findingStatusSchema.optional(),
    owner: z.string().trim().max(200).nullable().optional(),
    note: z.string().max(5000).nullable().optional(),
  })
  .strict()
  .refine((v) => v.status !== undefined || v.owner !== undefined || v.note !== undefined, "Give at least one of status, owner, note");
export type UpdateFindingInput = z.infer<typeof updateFindingSchema>;

/** `POST /api/v1/shadow-ai/sanctioned-tools`: a catalog id the organization approves. */
export const sanctionToolSchema = z
  .object({
    vendor_id: z.string().min(1).max(100),
    note: z.string().max(2000).nullable().optional(),
    licenses: z.number().int().min(0).max(1_000_000).nullable().optional(),
  })
  .strict();
export type SanctionToolInput = z.infer<typeof sanctionToolSchema>;
