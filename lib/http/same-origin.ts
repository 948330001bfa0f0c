import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

const appOrigin = new URL(env.APP_URL).origin;

/**
 * Refuses a browser request sent from another site (a form on evil.example posting to us). Browsers always send
 * Origin on POST and Sec-Fetch-Site where supported; servers and the payment gateway send neither, and they are
 * authenticated by other means (signatures, secrets), so a request without both is let through.
 */
export function assertSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new ApiError("forbidden");
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const ownOrigin = new URL(request.url).origin;
  if (origin !== appOrigin && origin !== ownOrigin) throw new ApiError("forbidden");
}
