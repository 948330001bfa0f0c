// What a REST request may ask of Redis. Upstash's REST API accepts one command as a JSON array of strings and
// numbers; commands that would hold or change the state of our one shared TCP connection are refused, because
// every HTTP request is multiplexed onto it.
const REFUSED = new Set([
  "SUBSCRIBE",
  "PSUBSCRIBE",
  "SSUBSCRIBE",
  "UNSUBSCRIBE",
  "PUNSUBSCRIBE",
  "MONITOR",
  "SYNC",
  "PSYNC",
  "MULTI",
  "EXEC",
  "DISCARD",
  "WATCH",
  "UNWATCH",
  "SELECT",
  "QUIT",
  "RESET",
  "CLIENT",
  "HELLO",
  "AUTH",
  "BLPOP",
  "BRPOP",
  "BLMOVE",
  "BRPOPLPUSH",
  "BZPOPMIN",
  "BZPOPMAX",
  "BLMPOP",
  "BZMPOP",
  "XREAD",
  "XREADGROUP",
  "WAIT",
]);

export class CommandError extends Error {}

export type Command = string[];

export function parseCommand(value: unknown): Command {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CommandError("ERR failed to parse command: expected a non-empty JSON array");
  }
  const args = value.map((part) => {
    if (typeof part === "string") return part;
    if (typeof part === "number" && Number.isFinite(part)) return String(part);
    if (typeof part === "boolean") return part ? "1" : "0";
    throw new CommandError("ERR failed to parse command: arguments must be strings or numbers");
  });
  if (REFUSED.has(args[0].toUpperCase())) {
    throw new CommandError(`ERR command is not available: ${args[0]}`);
  }
  return args;
}

export function parseCommandList(value: unknown): Command[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CommandError("ERR failed to parse pipeline request: expected a non-empty array of commands");
  }
  return value.map(parseCommand);
}
