import { z } from "zod";

// The bodies the sandbox gateway posts to /api/payments/callback. `amount` is always the payment's charge; a
// refund notice adds `refundedAmount`, everything refunded on that payment so far (cumulative, as Stripe's
// charge.refunded carries amount_refunded).
const common = {
  id: z.string().min(1).max(200),
  sessionId: z.string().min(1).max(200),
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  created: z.number().int().nonnegative(),
};

export const sandboxEventSchema = z.discriminatedUnion("type", [
  z.object({ ...common, type: z.enum(["payment.succeeded", "payment.failed", "payment.cancelled"]) }),
  z.object({ ...common, type: z.literal("payment.refunded"), refundedAmount: z.number().int().positive() }),
  z.object({ ...common, type: z.literal("dispute.lost") }),
]);

export type SandboxEvent = z.infer<typeof sandboxEventSchema>;

export const OUTCOME_BY_TYPE = {
  "payment.succeeded": "succeeded",
  "payment.failed": "failed",
  "payment.cancelled": "cancelled",
} as const;
