import { z } from "zod";

// The body the sandbox gateway posts to /api/payments/callback.
export const sandboxEventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(["payment.succeeded", "payment.failed", "payment.cancelled"]),
  sessionId: z.string().min(1).max(200),
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  created: z.number().int().nonnegative(),
});

export type SandboxEvent = z.infer<typeof sandboxEventSchema>;

export const OUTCOME_BY_TYPE = {
  "payment.succeeded": "succeeded",
  "payment.failed": "failed",
  "payment.cancelled": "cancelled",
} as const;
