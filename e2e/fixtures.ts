// The specs' `test`: each declares what it needs of the site beyond what any visitor has, with
// `test.use({ needs: [...] })`. The server this run starts offers everything; a deployment named by BASE_URL offers
// only what E2E_TARGET_OFFERS lists (comma-separated), and a test needing more is skipped with the reason.
import { test as base, expect } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, E2E_TARGET_URL } from "./config";

const CAPABILITIES = {
  sandbox: "the sandbox gateway (a real gateway would take real money)",
  database: "direct access to the site's database",
  "low-gateway-cap": "a gateway cap low enough for a few posts to fill it",
  "paused-switch": "the donations pause switch",
  "build-output": "the build output the site runs (.next on this machine)",
  "provider-stand-ins":
    "servers of this build on Stripe's and Mollie's stand-ins (started by the specs themselves)",
  "snapshot-content":
    "the content the committed screenshots show (this build, with the e2e server's campaign)",
} as const;
export type Capability = keyof typeof CAPABILITIES;

function offeredByTarget(): ReadonlySet<Capability> | "all" {
  if (!E2E_TARGET_URL) return "all";
  const listed = (process.env.E2E_TARGET_OFFERS ?? "").split(",").map((name) => name.trim());
  const unknown = listed.filter((name) => name && !(name in CAPABILITIES));
  // A misspelt name would silently skip the very tests it was meant to enable.
  if (unknown.length) throw new Error(`E2E_TARGET_OFFERS names unknown capabilities: ${unknown.join(", ")}`);
  return new Set(listed.filter(Boolean) as Capability[]);
}
const offered = offeredByTarget();

/** Why a test needing `needs` cannot run against this target, or undefined when it can. */
function missingReason(needs: readonly Capability[]): string | undefined {
  if (offered === "all") return undefined;
  const missing = needs.filter((capability) => !offered.has(capability));
  if (!missing.length) return undefined;
  const names = missing.map((capability) => CAPABILITIES[capability]).join(" and ");
  return `needs ${names}, which ${E2E_TARGET_URL} is not said to offer (E2E_TARGET_OFFERS lacks ${missing.join(",")})`;
}

export const test = base.extend<{ needs: Capability[]; offeredCheck: void; database: pg.Client }>({
  needs: [[], { option: true }],
  // (`provide` is Playwright's `use`, renamed so the React hook rule leaves it alone.)
  // Auto fixtures are set up before the others, so a skipped test never opens the database or touches the site.
  offeredCheck: [
    async ({ needs }, provide, testInfo) => {
      const reason = missingReason(needs);
      testInfo.skip(reason !== undefined, reason);
      await provide();
    },
    { auto: true },
  ],
  database: async ({ needs }, provide) => {
    if (!needs.includes("database"))
      throw new Error('A test using `database` must declare needs: ["database"]');
    const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await client.connect();
    await provide(client);
    await client.end();
  },
});
export { expect };
