/** The one place unexpected server errors go; error tracking plugs in here. */
export function reportUnexpectedError(error: unknown, context: Record<string, unknown> = {}): void {
  console.error("unexpected error", context, error);
}
