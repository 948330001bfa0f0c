// Relative imports: next.config.ts loads this file, outside the bundler that resolves "@/".
import { env } from "../env";
import { checkoutOrigins } from "../payments/checkout-origins";
import { securityHeaders } from "./security-headers";

/** The security headers of this deployment: next.config.ts's rule and the routes that set their own use these. */
export const responseSecurityHeaders = securityHeaders({
  production: env.NODE_ENV === "production",
  sentryDsn: env.SENTRY_DSN,
  appUrl: env.APP_URL,
  checkoutOrigins: checkoutOrigins(env),
});
