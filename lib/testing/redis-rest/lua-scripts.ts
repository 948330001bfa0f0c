import { createHash } from "node:crypto";
import type { Command } from "./command";

// @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag only Upstash's Redis knows; open
// source Redis refuses the whole script. The flag concerns Upstash's own key locking, so on a single Redis the
// script means the same without it. Clients address scripts by the SHA-1 of the text they sent, so the original
// hash is mapped to the hash of what Redis actually stores.
const UPSTASH_ONLY_FLAGS = new Set(["allow-key-locking"]);

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

function withoutUpstashFlags(script: string): string {
  const match = /^#!lua([^\n]*)/.exec(script);
  if (!match) return script;
  const options = match[1].trim().split(/\s+/).filter(Boolean);
  const rewritten = options.map((option) => {
    if (!option.startsWith("flags=")) return option;
    const flags = option
      .slice("flags=".length)
      .split(",")
      .filter((flag) => !UPSTASH_ONLY_FLAGS.has(flag));
    return `flags=${flags.join(",")}`;
  });
  return `#!lua${rewritten.length ? ` ${rewritten.join(" ")}` : ""}${script.slice(match[0].length)}`;
}

export function createScriptTranslator() {
  const storedShaFor = new Map<string, string>();

  const adapt = (script: string) => {
    const adapted = withoutUpstashFlags(script);
    if (adapted !== script) storedShaFor.set(sha1(script), sha1(adapted));
    return adapted;
  };

  return {
    /** The command Redis should receive. */
    translate(command: Command): Command {
      const [name, ...args] = command;
      const upper = name.toUpperCase();
      if ((upper === "EVAL" || upper === "EVAL_RO") && args.length > 0)
        return [name, adapt(args[0]), ...args.slice(1)];
      if ((upper === "EVALSHA" || upper === "EVALSHA_RO") && args.length > 0) {
        return [name, storedShaFor.get(args[0].toLowerCase()) ?? args[0], ...args.slice(1)];
      }
      if (upper === "SCRIPT" && args[0]?.toUpperCase() === "LOAD" && args.length > 1) {
        return [name, args[0], adapt(args[1])];
      }
      return command;
    },
    /** SCRIPT LOAD answers with the hash the client computed itself, not the one of the adapted text. */
    translateReply(command: Command, reply: unknown): unknown {
      const isLoad = command[0].toUpperCase() === "SCRIPT" && command[1]?.toUpperCase() === "LOAD";
      return isLoad && typeof reply === "string" && command[2] !== undefined ? sha1(command[2]) : reply;
    },
  };
}
