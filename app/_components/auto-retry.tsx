"use client";

import { useEffect, useSyncExternalStore } from "react";

const subscribe = () => () => {};

// Re-sends the retry form after the server's Retry-After. Its note shows only in a browser running this code (the
// server snapshot is false), so a visitor without JavaScript is never promised a retry; they have the button.
export function AutoRetry({ formId, seconds, note }: { formId: string; seconds: number; note: string }) {
  const running = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  useEffect(() => {
    const timer = setTimeout(() => {
      const form = document.getElementById(formId);
      if (form instanceof HTMLFormElement) form.requestSubmit();
    }, seconds * 1000);
    return () => clearTimeout(timer);
  }, [formId, seconds]);
  return running ? (
    <p className="muted" role="status" data-testid="auto-retry">
      {note}
    </p>
  ) : null;
}
