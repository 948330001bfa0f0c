import { describe, expect, it, vi } from "vitest";
import { pauseDonations, resumeDonations } from "@/lib/donations-pause";
import { GET as getStatus } from "./route";

const GET = () => getStatus(new Request("http://localhost/api/donations/status"));

// A campaign of this file's own, so the switch it flips is seen by no other test run sharing the Redis.
vi.hoisted(() => {
  process.env.CAMPAIGN_SLUG = `status-${Math.random().toString(36).slice(2, 10)}`;
});

describe("GET /api/donations/status", () => {
  it("reports a run-time pause and its end, cacheable by a CDN for a few seconds", async () => {
    expect(await (await GET()).json()).toEqual({ paused: false });
    await pauseDonations("test");
    try {
      const response = await GET();
      expect(await response.json()).toEqual({ paused: true });
      expect(response.headers.get("cache-control")).toMatch(/s-maxage=5/);
    } finally {
      await resumeDonations();
    }
    expect(await (await GET()).json()).toEqual({ paused: false });
  });
});
