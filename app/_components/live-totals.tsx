"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { totalsView, type TotalsView } from "./totals-view";

interface TotalsResponse {
  currency: string;
  raised: number;
  goal: number;
  donors: number;
}

const POLL_MS = 15_000;

// The first render shows the server's text unchanged (no hydration differences between the server's and the
// browser's Intl data); after that the totals are fetched and formatted here.
export function LiveTotals({ label, initial }: { label: string; initial: TotalsView }) {
  const t = useTranslations("RaisedProgress");
  const format = useFormatter();
  const locale = useLocale();
  const [view, setView] = useState(initial);

  // Formatting reads the latest locale and messages without restarting the polling.
  const show = useEffectEvent((totals: TotalsResponse) => setView(totalsView(totals, locale, t, format)));

  useEffect(() => {
    let stopped = false;
    async function refresh() {
      try {
        // The response's stale-while-revalidate is for CDNs; a browser applies it too, answering from its cache
        // with the previous figure and revalidating in the background. "no-cache" asks the network every time (a
        // CDN or the Next.js cache answers it all the same).
        const response = await fetch("/api/totals", {
          headers: { accept: "application/json" },
          cache: "no-cache",
        });
        if (!response.ok || stopped) {
          // Read or cancel every body: one left unread keeps the browser's cache entry for the URL locked.
          await response.body?.cancel();
          return;
        }
        show((await response.json()) as TotalsResponse);
      } catch {
        // Offline or a blip: keep what is shown and try again at the next tick.
      }
    }
    const timer = setInterval(refresh, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && refresh();
    document.addEventListener("visibilitychange", onVisible);
    refresh();
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  return (
    <section className="progress-card" aria-label={label}>
      <p className="raised" data-testid="raised-amount" aria-live="polite">
        {view.raised}
      </p>
      <p className="goal">{view.goal}</p>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(view.ratio * 100)}
        aria-valuetext={view.valueText}
      >
        <div className="progress-fill" style={{ inlineSize: `${(view.ratio * 100).toFixed(2)}%` }} />
      </div>
      <p className="progress-meta">
        <span data-testid="donor-count">{view.donors}</span>
        <span>{view.percent}</span>
      </p>
    </section>
  );
}
