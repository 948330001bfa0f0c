import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Requires `Authorization: Bearer <secret>`, compared in constant time (over digests, so lengths match too). */
export function assertBearerSecret(request: Request, secret: string): void {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  if (!match || !timingSafeEqual(digest(match[1]), digest(secret))) throw new ApiError("unauthorized");
}
