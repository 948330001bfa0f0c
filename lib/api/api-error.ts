import type { ErrorCode } from "./error-codes";

/** A failure we expected and can explain: its code decides the HTTP status and the localized message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Field name -> message, for validation errors. */
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string = code,
    options: { fields?: Record<string, string>; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
