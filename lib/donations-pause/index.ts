import { campaign } from "@/lib/campaign/config";
import { env } from "@/lib/env";
import { getStore } from "@/lib/redis";
import { createPauseSwitch } from "./pause-switch";

export type { PauseState } from "./pause-switch";

// Per campaign: several campaigns can share one Redis, and each test file can use a campaign of its own.
export const PAUSE_KEY = `surge:donations-paused:${campaign.slug}`;

/** How long a paused donor is told to wait before trying again (Retry-After). */
export const PAUSED_RETRY_AFTER_SECONDS = 300;

const pauseSwitch = createPauseSwitch({
  store: getStore(),
  key: PAUSE_KEY,
  pausedByEnvironment: env.DONATIONS_PAUSED,
});

export const donationsPauseState = () => pauseSwitch.state();
export const pauseDonations = (reason: string) => pauseSwitch.pause(reason);
export const resumeDonations = () => pauseSwitch.resume();
