import { z } from "zod";
import { describeField } from "./event-fields";

/** Limits of one import (SPEC 2.5): the body's size and the rows it may hold. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

/**
 * An explicit column mapping, `{ "<CSV header>": "<event field>" | null }`: it overrides the
 * automatic match for the headers it names; null ignores that column.
 */
export const columnMappingSchema = z
  .record(
    z.string().max(200, "headers must be at most 200 characters"),
    z
      .string()
      .refine((field) => describeField(field) !== null, { message: "is not an event field (e.g. timestamp, usage.input_tokens, cost_usd, tags.region)" })
      .nullable(),
  )
  .refine((m) => Object.keys(m).length <= 500, "must name at most 500 columns");
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
