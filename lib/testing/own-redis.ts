import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { createConnection } from "node:net";
import { createClient } from "redis";

// A redis-server of a test's own, which it may slow down (CLIENT PAUSE) or stop without disturbing the shared one.
// OWN_REDIS_PORT picks its port where ports are assigned; otherwise a random high one.
const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket.end() && true));
    socket.once("error", () => resolve(false));
  });

export async function startOwnRedis() {
  const port = Number(process.env.OWN_REDIS_PORT) || randomInt(20_000, 40_000);
  const server: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let attempt = 0; attempt < 50 && !(await portAnswers(port)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `redis://127.0.0.1:${port}`;
  const admin = createClient({ url });
  // Stopping the server is part of some tests: the lost connection is expected, not an error to report.
  admin.on("error", () => {});
  await admin.connect();
  const exited = new Promise((resolve) => server.once("exit", resolve));
  return {
    url,
    /**
     * Redis is there, and slow: commands wait until the pause ends. "write" holds scripts and writes (the rate
     * limiter's) but lets this admin connection unpause; "all" holds every command, this connection's too.
     */
    pause: (ms: number, mode: "write" | "all" = "write") =>
      admin.sendCommand(["CLIENT", "PAUSE", String(ms), mode.toUpperCase()]),
    unpause: () => admin.sendCommand(["CLIENT", "UNPAUSE"]),
    keys: (pattern: string) => admin.keys(pattern),
    async stop() {
      if (server.exitCode === null) server.kill();
      await exited;
      if (admin.isOpen) admin.destroy();
    },
  };
}
