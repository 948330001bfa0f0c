import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mailerFromEnv } from "@/lib/mail/mail-transport";
import { runReceiptWorker } from "./receipt-worker";

const globalForWorker = globalThis as unknown as { surgeReceiptWorker?: AbortController };

/**
 * Runs the receipt worker inside the web server process (RECEIPT_WORKER_IN_APP, on by default), so a single
 * `npm run local` or `next start` sends receipts. Deployments that run `npm run worker` apart turn it off; running
 * both is safe too, since workers never claim the same receipt.
 */
export function startInAppReceiptWorker(): void {
  if (!env.RECEIPT_WORKER_IN_APP || globalForWorker.surgeReceiptWorker) return;
  const controller = new AbortController();
  globalForWorker.surgeReceiptWorker = controller;
  void runReceiptWorker({ db: getDb(), send: mailerFromEnv(), signal: controller.signal });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
}
