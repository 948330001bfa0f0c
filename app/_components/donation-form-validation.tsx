"use client";

import { useEffect } from "react";
import { minorUnitDigits, parseMajorUnits } from "@/lib/money";
import { DONOR_NAME_MAX_LENGTH } from "@/lib/donations/field-limits";

export type ValidationMessages = Record<
  "amountRequired" | "amountInvalid" | "amountTooSmall" | "amountTooLarge" | "nameTooLong" | "emailInvalid",
  string
>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Progressive enhancement of the server-rendered form: localized messages in an error summary instead of the
// browser's own bubbles, and a disabled button while the browser leaves for the payment page. Renders nothing.
export function DonationFormValidation(props: {
  formId: string;
  currency: string;
  minMajor: number;
  maxMajor: number;
  messages: ValidationMessages;
}) {
  const { formId, currency, minMajor, maxMajor, messages } = props;

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    form.noValidate = true;
    const summary = form.querySelector<HTMLElement>("[data-error-summary]")!;
    const scale = 10 ** minorUnitDigits(currency);

    function validate(): { field: string; message: string }[] {
      const data = new FormData(form!);
      const errors: { field: string; message: string }[] = [];
      const choice = data.get("amount");
      if (choice === null) errors.push({ field: "amount", message: messages.amountRequired });
      if (choice === "custom") {
        const typed = String(data.get("customAmount") ?? "");
        const minor = parseMajorUnits(typed, currency);
        if (typed.trim() === "") errors.push({ field: "customAmount", message: messages.amountRequired });
        else if (minor === null) errors.push({ field: "customAmount", message: messages.amountInvalid });
        else if (minor < Math.round(minMajor * scale))
          errors.push({ field: "customAmount", message: messages.amountTooSmall });
        else if (minor > Math.round(maxMajor * scale))
          errors.push({ field: "customAmount", message: messages.amountTooLarge });
      }
      if (String(data.get("name") ?? "").length > DONOR_NAME_MAX_LENGTH) {
        errors.push({ field: "name", message: messages.nameTooLong });
      }
      const email = String(data.get("email") ?? "").trim();
      if (email && !EMAIL.test(email)) errors.push({ field: "email", message: messages.emailInvalid });
      return errors;
    }

    function onSubmit(event: SubmitEvent) {
      const errors = validate();
      form!.querySelectorAll("[aria-invalid]").forEach((element) => element.removeAttribute("aria-invalid"));
      const list = summary.querySelector("ul")!;
      list.replaceChildren();
      if (errors.length === 0) {
        summary.hidden = true;
        const button = form!.querySelector<HTMLButtonElement>("button[type=submit]");
        if (button?.dataset.submittingText) {
          button.textContent = button.dataset.submittingText;
          button.setAttribute("aria-disabled", "true");
        }
        return;
      }
      event.preventDefault();
      for (const { field, message } of errors) {
        const input = form!.querySelector<HTMLInputElement>(`[name="${field}"]`);
        input?.setAttribute("aria-invalid", "true");
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `#${input?.id || "donation-form"}`;
        link.textContent = message;
        item.append(link);
        list.append(item);
      }
      summary.hidden = false;
      summary.focus();
    }

    // Typing an amount selects "custom": the donor need not pick it first, and the typed amount is sent.
    function onInput(event: Event) {
      const target = event.target as HTMLInputElement;
      if (target.name === "customAmount") {
        const custom = form!.querySelector<HTMLInputElement>('input[name="amount"][value="custom"]');
        if (custom) custom.checked = true;
      }
    }

    summary.tabIndex = -1;
    form.addEventListener("submit", onSubmit);
    form.addEventListener("input", onInput);
    return () => {
      form.removeEventListener("submit", onSubmit);
      form.removeEventListener("input", onInput);
    };
  }, [formId, currency, minMajor, maxMajor, messages]);

  return null;
}
