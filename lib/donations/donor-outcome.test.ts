import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { ErrorCode } from "@/lib/api/error-codes";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { errorReasonOf, outcomeOfError, outcomeOfStatus, outcomePath, retryReasonOf } from "./donor-outcome";
import { openRetryInput } from "./sealed-input";

describe("outcomePath", () => {
  it.each([
    [{ kind: "success" } as const, "/fr/donate/success"],
    [{ kind: "success", donationId: "don_abc" } as const, "/fr/donate/success?donation=don_abc"],
    [{ kind: "error", reason: "declined" } as const, "/fr/donate/error?reason=declined"],
    [
      { kind: "retry-later", reason: "paused", retryAfterSeconds: 60 } as const,
      "/fr/donate/busy?reason=paused&retryAfter=60",
    ],
  ])("spells %j as %s", (outcome, path) => {
    expect(outcomePath("fr", outcome)).toBe(path);
  });

  it("carries the donor's input sealed, so the busy page can open it again", () => {
    const input = { amount: 2500, currency: "EUR", locale: "ar" as const, name: "Sam", anonymous: false };
    const path = outcomePath("ar", { kind: "retry-later", reason: "busy", input });
    const sealed = new URL(path, "http://x").searchParams.get("input") ?? undefined;
    expect(openRetryInput(sealed)).toMatchObject(input);
  });
});

describe("outcomeOfError", () => {
  it.each<[ErrorCode, string, string]>([
    ["gateway_busy", "retry-later", "busy"],
    ["service_unavailable", "retry-later", "unavailable"],
    ["donations_paused", "retry-later", "paused"],
    ["rate_limited", "retry-later", "limited"],
    ["validation_failed", "error", "invalid"],
    ["bad_request", "error", "invalid"],
    ["payload_too_large", "error", "invalid"],
    ["idempotency_conflict", "error", "invalid"],
    ["payment_mismatch", "error", "unknown"],
    ["internal_error", "error", "unknown"],
  ])("sends a refusal with %s to the %s page for %s", (code, kind, reason) => {
    expect(outcomeOfError(new ApiError(code))).toMatchObject({ kind, reason });
  });

  it("keeps the wait the refusal asked for", () => {
    const error = new ApiError("rate_limited", "slow down", { retryAfterSeconds: 42 });
    expect(outcomeOfError(error)).toMatchObject({ retryAfterSeconds: 42 });
  });

  it("says nothing it cannot know about an unexpected error", () => {
    expect(outcomeOfError(new Error("boom"))).toEqual({ kind: "error", reason: "unknown" });
  });
});

describe("outcomeOfStatus", () => {
  it.each<[DonationStatus, object]>([
    ["succeeded", { kind: "success", donationId: "don_1" }],
    ["pending", { kind: "success", donationId: "don_1" }],
    ["failed", { kind: "error", reason: "declined" }],
    ["cancelled", { kind: "error", reason: "cancelled" }],
    ["expired", { kind: "error", reason: "unknown" }],
  ])("shows a %s donation %j", (status, outcome) => {
    expect(outcomeOfStatus(status, "don_1")).toEqual(outcome);
  });
});

describe("reasons read back from a query string", () => {
  it("accepts only the reasons the pages explain", () => {
    expect(errorReasonOf("cancelled")).toBe("cancelled");
    expect(errorReasonOf("<script>")).toBe("unknown");
    expect(errorReasonOf(["declined"])).toBe("unknown");
    expect(retryReasonOf("limited")).toBe("limited");
    expect(retryReasonOf(undefined)).toBe("unavailable");
  });
});
