import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CallTimeoutError, CircuitOpenError, createCircuitBreaker } from "./circuit-breaker";
import { startCuttableProxy } from "@/lib/testing/cuttable-tcp-proxy";

const fail = () => Promise.reject(new Error("down"));

describe("createCircuitBreaker", () => {
  afterEach(() => vi.useRealTimers());

  it("opens once enough calls have failed and then fails fast without calling", async () => {
    const breaker = createCircuitBreaker({ name: "test", failureThreshold: 3, openMs: 60_000 });
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow("down");
    let called = false;
    const error = await breaker.run(async () => (called = true)).catch((caught) => caught);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error.retryAfterSeconds).toBe(60);
    expect(called).toBe(false);
  });

  it("stays closed while failures are a minority of the calls", async () => {
    const breaker = createCircuitBreaker({ name: "test", failureThreshold: 3 });
    for (let i = 0; i < 7; i++) await breaker.run(async () => "ok");
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow("down");
    expect(breaker.state()).toBe("closed");
  });

  it("does not count errors that say nothing about the dependency's health", async () => {
    const conflict = Object.assign(new Error("unique"), { code: "P2002" });
    const breaker = createCircuitBreaker({
      name: "test",
      failureThreshold: 1,
      isFailure: (e) => e !== conflict,
    });
    await expect(breaker.run(() => Promise.reject(conflict))).rejects.toBe(conflict);
    expect(breaker.state()).toBe("closed");
  });

  it("counts a call slower than its deadline as a failure", async () => {
    const breaker = createCircuitBreaker({ name: "test", failureThreshold: 1, timeoutMs: 20 });
    await expect(breaker.run(() => new Promise(() => {}))).rejects.toBeInstanceOf(CallTimeoutError);
    expect(breaker.state()).toBe("open");
  });

  it("lets one trial through after openMs, reopening on failure and closing on success", async () => {
    vi.useFakeTimers();
    const breaker = createCircuitBreaker({ name: "test", failureThreshold: 1, openMs: 1000 });
    await expect(breaker.run(fail)).rejects.toThrow("down");
    expect(breaker.state()).toBe("open");
    vi.advanceTimersByTime(1000);
    expect(breaker.state()).toBe("half-open");
    await expect(breaker.run(fail)).rejects.toThrow("down");
    expect(breaker.state()).toBe("open");
    vi.advanceTimersByTime(1000);
    expect(await breaker.run(async () => "ok")).toBe("ok");
    expect(breaker.state()).toBe("closed");
  });

  it("refuses other calls while the half-open trial is in flight, without spending the trial", async () => {
    vi.useFakeTimers();
    const breaker = createCircuitBreaker({ name: "test", failureThreshold: 1, openMs: 1000 });
    await expect(breaker.run(fail)).rejects.toThrow("down");
    vi.advanceTimersByTime(1000);
    breaker.rejectIfOpen();
    let finish: (value: string) => void = () => {};
    const trial = breaker.run(() => new Promise<string>((resolve) => (finish = resolve)));
    await expect(breaker.run(async () => "second")).rejects.toBeInstanceOf(CircuitOpenError);
    finish("ok");
    expect(await trial).toBe("ok");
    expect(breaker.state()).toBe("closed");
  });
});

describe("reserve", () => {
  async function halfOpen() {
    vi.useFakeTimers();
    const breaker = createCircuitBreaker({ name: "test", failureThreshold: 1, openMs: 1000 });
    await breaker.run(fail).catch(() => {});
    vi.advanceTimersByTime(1000);
    return breaker;
  }

  it("refuses a second permit while the half-open trial is taken, before its call has even started", async () => {
    const breaker = await halfOpen();
    const trial = breaker.reserve();

    expect(() => breaker.reserve()).toThrow(CircuitOpenError);
    expect(() => breaker.rejectIfOpen()).toThrow(CircuitOpenError);
    await trial.run(async () => "ok");
    expect(breaker.state()).toBe("closed");
    expect(() => breaker.reserve()).not.toThrow();
    vi.useRealTimers();
  });

  it("hands the trial to the next caller when a permit is released unused", async () => {
    const breaker = await halfOpen();
    breaker.reserve().release();

    expect(breaker.state()).toBe("half-open");
    expect(() => breaker.reserve()).not.toThrow();
    vi.useRealTimers();
  });
});

describe("a breaker around PostgreSQL", () => {
  const databaseUrl = new URL(process.env.DATABASE_URL as string);
  const proxies: Array<{ close(): Promise<void> }> = [];
  afterAll(() => Promise.all(proxies.map((proxy) => proxy.close())));

  it("opens when PostgreSQL is unreachable and closes by itself when it is back", async () => {
    const proxy = await startCuttableProxy({
      host: databaseUrl.hostname,
      port: Number(databaseUrl.port || 5432),
    });
    proxies.push(proxy);
    const viaProxy = new URL(databaseUrl);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: viaProxy.toString() }) });
    const breaker = createCircuitBreaker({
      name: "database",
      failureThreshold: 2,
      openMs: 300,
      timeoutMs: 2000,
    });
    const ping = () => breaker.run(() => db.$queryRaw`SELECT 1`);

    await expect(ping()).resolves.toBeDefined();
    proxy.cut();
    await expect(ping()).rejects.not.toBeInstanceOf(CircuitOpenError);
    await expect(ping()).rejects.not.toBeInstanceOf(CircuitOpenError);
    const started = Date.now();
    await expect(ping()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(Date.now() - started).toBeLessThan(50);

    proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(ping()).resolves.toBeDefined();
    expect(breaker.state()).toBe("closed");
    await db.$disconnect();
  });
});
