/** What went wrong, in terms the edge maps to an HTTP status once. */
export type AppErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

/** One field-level problem, named by its path in the input. */
export type FieldIssue = { path: string; message: string };

const statusByCode: Record<AppErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** A domain error with a code, a message safe to show a user, and optional field issues. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues?: FieldIssue[];
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, options: { issues?: FieldIssue[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The HTTP status this error answers with. */
  get status(): number {
    return statusByCode[this.code];
  }
}

/** Throws NOT_FOUND when a row is missing; another organization's rows are missing too (never 403). */
export function foundOrThrow<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new AppError("NOT_FOUND", `${what} not found`);
  return value;
}
