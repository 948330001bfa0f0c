"use client";

import { useEffect, useState } from "react";

// Re-sends the retry form after the server's Retry-After. Its note appears only once it runs, so a visitor without
// JavaScript is never promised a retry that will not happen; they have the button.
export function AutoRetry({ formId, seconds, note }: { formId: string; seconds: number; note: string }) {
  const [running, setRunning] = useState(false);
  useEffect(() => {
    setRunning(true);
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
