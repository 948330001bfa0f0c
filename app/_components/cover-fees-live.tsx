"use client";

import { useEffect } from "react";
import { coverFee } from "@/lib/fees/cover-fee";
import type { FeeRate } from "@/lib/fees/fee-schedule";
import { formatMoney, parseMajorUnits } from "@/lib/money";

// Progressive enhancement of the fee option: once an amount is chosen, its label names the exact fee and gift
// ("Add €0.54 so that … receives the full €25"). The server computes the fee again from the same schedule; without
// JavaScript the label states the rate instead. Renders nothing.
export function CoverFeesLive(props: {
  formId: string;
  currency: string;
  locale: string;
  rate: FeeRate;
  /** The sentence with `{fee}` and `{amount}` left in for this component to fill. */
  template: string;
}) {
  const { formId, currency, locale, rate, template } = props;

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    const text = form?.querySelector<HTMLElement>("[data-cover-fees-text]");
    if (!form || !text) return;
    const fallback = text.textContent;

    function chosenAmount(): number | null {
      const data = new FormData(form!);
      const choice = data.get("amount");
      if (choice === "custom") return parseMajorUnits(String(data.get("customAmount") ?? ""), currency);
      return typeof choice === "string" && /^\d+$/.test(choice) ? Number(choice) : null;
    }

    function update() {
      const gift = chosenAmount();
      if (gift === null || gift <= 0) {
        text!.textContent = fallback;
        return;
      }
      const money = (minor: number) => formatMoney(minor, currency, locale, { whole: true });
      text!.textContent = template
        .replace("{fee}", money(coverFee(gift, rate)))
        .replace("{amount}", money(gift));
    }

    update();
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
    };
  }, [formId, currency, locale, rate, template]);

  return null;
}
