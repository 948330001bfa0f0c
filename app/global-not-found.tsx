import Link from "next/link";
import "./globals.css";

// Paths outside any locale (the proxy sends every page path to one, so this is mostly /api/… typos). The root
// layout lives in app/[locale]/, where it knows the language, so this page is a whole document of its own.
export default function GlobalNotFound() {
  return (
    <html lang="en" dir="ltr">
      <body>
        <main className="container narrow page-section">
          <h1>Page not found</h1>
          <p>
            <Link href="/">Go to the home page</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
