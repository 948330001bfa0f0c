// Every error an API route can answer with, and its HTTP status. A new failure gets a code here first, and a
// message under "ApiErrors" in messages/*.json (the keys are checked against this table).
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  stale_event: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  // Same Idempotency-Key while the first request with it is still being handled (IETF idempotency-key draft).
  idempotency_in_progress: 409,
  // Same Idempotency-Key with a different body: the request is understood but refused (IETF draft, Stripe-like).
  idempotency_conflict: 422,
  // A reconciliation run while another holds the lock: running both would ask the gateway twice per donation.
  reconcile_in_progress: 409,
  // A callback whose amount or currency differs from the donation's: fraud or a bug, never applied.
  payment_mismatch: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  donations_paused: 503,
  service_unavailable: 503,
  gateway_busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
