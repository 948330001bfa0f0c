import { describe, expect, it } from "vitest";
import { env, secrets } from "@/lib/env";
import { POST } from "./route";

const reconcile = (headers: Record<string, string>) =>
  POST(new Request(`${env.APP_URL}/api/reconcile`, { method: "POST", headers }));

describe("POST /api/reconcile", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong secret", { Authorization: "Bearer wrong-secret" }],
    ["the secret without the Bearer scheme", { Authorization: secrets.reconcile }],
    ["a prefix of the secret", { Authorization: `Bearer ${secrets.reconcile.slice(0, -1)}` }],
  ])("refuses %s with 401", async (_case, headers) => {
    const response = await reconcile(headers);

    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("runs the reconciler for a caller holding the secret", async () => {
    const response = await reconcile({ Authorization: `Bearer ${secrets.reconcile}` });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checked: 0, errors: 0 });
  });
});
