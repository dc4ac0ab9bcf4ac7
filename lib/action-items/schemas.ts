import { z } from "zod";

export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export const actionItemStatusSchema = z.enum(ACTION_ITEM_STATUSES, { error: `must be one of ${ACTION_ITEM_STATUSES.join(", ")}` });
export type ActionItemStatus = z.infer<typeof actionItemStatusSchema>;

/** Statuses that close an item: it stops carrying over from the week after it closed. */
export const CLOSED_STATUSES: readonly ActionItemStatus[] = ["done", "dropped"];

const DUE_DATE_MESSAGE = "must be a date, YYYY-MM-DD";
const dueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DUE_DATE_MESSAGE)
  .refine((v) => {
    const ms = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
  }, DUE_DATE_MESSAGE);

// An empty owner or note from a form means "none".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v));

const title = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

/** `POST /api/v1/action-items`: `week` (ISO week or a date in it) is the week raised, default this week. */
export const createActionItemSchema = z
  .object({
    title,
    owner: optionalText(200),
    due_date: dueDate.nullable().optional().or(z.literal("").transform(() => null)),
    status: actionItemStatusSchema.default("open"),
    note: optionalText(2000),
    source: optionalText(200),
    week: z.string().trim().max(20).optional(),
  })
  .strict();
export type CreateActionItemInput = z.input<typeof createActionItemSchema>;

/** `PATCH /api/v1/action-items/{id}`: any of title, owner, due date, status, note. */
export const updateActionItemSchema = z
  .object({
    title: title.optional(),
    owner: optionalText(200),
    due_date: dueDate.nullable().optional().or(z.literal("").transform(() => null)),
    status: actionItemStatusSchema.optional(),
    note: optionalText(2000),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Give at least one of title, owner, due_date, status, note");
export type UpdateActionItemInput = z.input<typeof updateActionItemSchema>;

/** An action item as the API and the page see it. */
export type ActionItemJson = {
  id: string;
  /** ISO week it was raised, `2026-W47`, and its Monday. */
  week: string;
  week_start: string;
  title: string;
  owner: string | null;
  due_date: string | null;
  status: ActionItemStatus;
  note: string | null;
  source: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
};

/** An item as one week's review shows it. */
export type WeekActionItemJson = ActionItemJson & {
  /** Raised in an earlier week and still open when this one started. */
  carried_over: boolean;
  /** Closed after this week ended: it was still open during the week. */
  closed_later: boolean;
};
