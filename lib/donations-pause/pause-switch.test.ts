import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getStore, type KeyValueStore } from "@/lib/redis";
import { createPauseSwitch } from "./pause-switch";

// getStore() is Redis through the REST server when UPSTASH_REDIS_REST_URL is set, memory otherwise. Each test has
// its own key so a parallel run elsewhere never sees donations paused.
const freshSwitch = (pausedByEnvironment = false, store: KeyValueStore = getStore()) =>
  createPauseSwitch({ store, key: `surge-test:paused:${randomUUID()}`, pausedByEnvironment });

describe("createPauseSwitch", () => {
  it("pauses and resumes at run time", async () => {
    const pauseSwitch = freshSwitch();
    expect(await pauseSwitch.state()).toEqual({ paused: false });
    await pauseSwitch.pause("gateway incident");
    expect(await pauseSwitch.state()).toEqual({ paused: true, source: "switch" });
    await pauseSwitch.resume();
    expect(await pauseSwitch.state()).toEqual({ paused: false });
  });

  it("stays paused by the environment whatever the switch says", async () => {
    const pauseSwitch = freshSwitch(true);
    await pauseSwitch.resume();
    expect(await pauseSwitch.state()).toEqual({ paused: true, source: "environment" });
  });

  it("keeps donations open when the store cannot be read", async () => {
    const broken: KeyValueStore = { ...getStore(), get: () => Promise.reject(new Error("Redis is down")) };
    expect(await freshSwitch(false, broken).state()).toEqual({ paused: false });
  });
});
