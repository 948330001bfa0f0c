import { createClient, ErrorReply, MultiErrorReply } from "redis";
import type { Command } from "./command";
import { createScriptTranslator } from "./lua-scripts";
import { encodeResult, errorMessage, type UpstashReply } from "./reply";

export type RedisConnection = {
  run(command: Command, base64: boolean): Promise<UpstashReply>;
  pipeline(commands: Command[], base64: boolean): Promise<UpstashReply[]>;
  transaction(commands: Command[], base64: boolean): Promise<UpstashReply[]>;
  close(): Promise<void>;
};

/** Redis could not be reached, as opposed to Redis answering with an error. */
export class RedisUnavailableError extends Error {}

function asReply(value: unknown, base64: boolean): UpstashReply {
  return value instanceof ErrorReply ? { error: value.message } : { result: encodeResult(value, base64) };
}

export async function connectRedis(url: string, onError: (error: Error) => void): Promise<RedisConnection> {
  const client = createClient({
    url,
    // Fail commands at once while Redis is away instead of queueing them: callers have their own deadlines.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  client.on("error", onError);
  await client.connect();

  const scripts = createScriptTranslator();
  const send = async (command: Command) => {
    try {
      return scripts.translateReply(command, await client.sendCommand(scripts.translate(command)));
    } catch (error) {
      if (error instanceof ErrorReply) return error;
      throw new RedisUnavailableError(errorMessage(error));
    }
  };

  return {
    async run(command, base64) {
      return asReply(await send(command), base64);
    },
    async pipeline(commands, base64) {
      const replies = await Promise.all(commands.map(send));
      return replies.map((reply) => asReply(reply, base64));
    },
    async transaction(commands, base64) {
      const multi = client.multi();
      for (const command of commands) multi.addCommand(scripts.translate(command));
      try {
        const replies: unknown[] = await multi.exec();
        return replies.map((reply, index) => asReply(scripts.translateReply(commands[index], reply), base64));
      } catch (error) {
        // Some commands failed at run time: the others were still applied, as in Redis itself.
        if (error instanceof MultiErrorReply) return error.replies.map((reply) => asReply(reply, base64));
        if (error instanceof ErrorReply) throw error;
        throw new RedisUnavailableError(errorMessage(error));
      }
    },
    async close() {
      client.destroy();
    },
  };
}
