import { env } from "@/lib/env";
import { getStore } from "@/lib/redis";
import { createPauseSwitch } from "./pause-switch";

export type { PauseState } from "./pause-switch";

export const PAUSE_KEY = "surge:donations:paused";

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
