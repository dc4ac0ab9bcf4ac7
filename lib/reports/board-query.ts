import { parseOrThrow } from "@/lib/errors/zod-issues";
import { boardReportQuerySchema, type BoardReportQuery } from "./schemas";

/** The board routes' query (`period`, `paper`) from the URL; a missing or bad value is INVALID_INPUT naming it. */
export function parseBoardReportQuery(params: URLSearchParams): BoardReportQuery {
  return parseOrThrow(boardReportQuerySchema, { period: params.get("period") ?? undefined, paper: params.get("paper") ?? undefined });
}

/** The download's file name: `marginal-board-2026-10.pdf`. */
export function boardFileName(period: string, extension: "pdf" | "csv"): string {
  return `marginal-board-${period}.${extension}`;
}
