import { env } from "@/lib/env";

// The charity that receives the gifts, as named on receipts and on the fee option.
export const charity = {
  name: env.CHARITY_NAME,
  registration: env.CHARITY_REGISTRATION,
} as const;
