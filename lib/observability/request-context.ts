import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "@/i18n/routing";

type RequestContext = { requestId: string; locale?: Locale };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Once a handler knows the donor's language (from the body), errors it throws are answered in it. */
export function noteRequestLocale(locale: Locale): void {
  const context = storage.getStore();
  if (context) context.locale = locale;
}

export function currentRequestLocale(): Locale | undefined {
  return storage.getStore()?.locale;
}
