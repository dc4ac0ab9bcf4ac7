import { z } from "zod";

/** The paper sizes the PDF is laid out for, landscape. */
export const PAPERS = ["a4", "letter"] as const;
export const paperSchema = z.enum(PAPERS);
export type Paper = z.infer<typeof paperSchema>;

/** `GET /api/v1/reports/board.pdf|csv`: `period` is required (`2026-10` or `2026-Q4`); `paper` defaults to A4. */
export const boardReportQuerySchema = z.object({
  period: z.string({ error: "is required: a month (2026-10) or a quarter (2026-Q4)" }).min(1, "is required: a month (2026-10) or a quarter (2026-Q4)"),
  paper: paperSchema.default("a4"),
});
export type BoardReportQuery = z.infer<typeof boardReportQuerySchema>;
