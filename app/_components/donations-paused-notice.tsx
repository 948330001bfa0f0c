"use client";

import { useEffect, useState } from "react";

// The donate page is prerendered and cached, so it cannot know about a pause flipped a minute ago: the browser
// asks. Without JavaScript the form still posts, and a paused start lands on the retry page with the same message.
export function DonationsPausedNotice({ message }: { message: string }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/donations/status", { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { paused: false }))
      .then((status: { paused?: boolean }) => setPaused(status.paused === true))
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return paused ? (
    <p className="notice" role="status" data-testid="donations-paused">
      {message}
    </p>
  ) : null;
}
