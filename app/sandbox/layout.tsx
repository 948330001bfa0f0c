import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./sandbox.css";

// The simulated gateway stands apart from the site: its own document, its own look, never indexed.
export const metadata: Metadata = { title: "Sandbox Pay", robots: { index: false, follow: false } };

export default function SandboxLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="sbx-body">{children}</body>
    </html>
  );
}
