import { currentRequestId } from "./request-context";
import { scrub } from "./scrub-event";

// One JSON line per event, so a log shipper can index fields without parsing prose. The request id ties the lines
// of one request together and matches the X-Request-Id header the client saw. Logs are kept and shipped widely, so
// donor names, emails and addresses are left out of them as they are of error reports.
type Level = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

function serialize(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, event: string, fields: LogFields = {}) {
  const requestId = currentRequestId();
  const scrubbed: LogFields = {};
  if (requestId) scrubbed.requestId = requestId;
  for (const [key, value] of Object.entries(fields)) scrubbed[key] = serialize(value);
  // Time, level and event are ours, so only the rest is scrubbed.
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    event,
    ...(scrub(scrubbed) as LogFields),
  });
  // Straight to the stream rather than through console: Next.js wraps every console method of the server, and on
  // the request line every request writes that wrapper cost more than building the line itself.
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

export const logger = {
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  error: (event: string, fields?: LogFields) => write("error", event, fields),
};
