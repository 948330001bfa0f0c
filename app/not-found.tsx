import Link from "next/link";

// Paths outside any locale (the proxy sends every page path to one, so this is mostly /api/… typos).
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
