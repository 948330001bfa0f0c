// npm run worker – sends donation receipts from the outbox until stopped (Ctrl+C / SIGTERM), for deployments
// that run the worker apart from the web servers (then set RECEIPT_WORKER_IN_APP=false on those).
import { disconnectDb, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mailerFromEnv } from "@/lib/mail/mail-transport";
import { runReceiptWorker } from "@/lib/receipts/receipt-worker";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
console.log(
  `worker: sending receipts ${env.SMTP_URL ? "through SMTP_URL" : "to the log (SMTP_URL is unset)"}`,
);
try {
  await runReceiptWorker({ db: getDb(), send: mailerFromEnv(), signal: controller.signal });
  console.log("worker: stopped");
} finally {
  await disconnectDb();
}
