import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a free port, keeping every message it accepts (parsed). `stop()` takes it off the network
 * (connections are refused, as in an outage) and `start()` brings it back on the same port.
 */
export async function startSmtpTestServer() {
  const received: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer;

  async function start() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  }

  async function stop() {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  await start();
  return { url: () => `smtp://127.0.0.1:${port}`, received, start, stop };
}
