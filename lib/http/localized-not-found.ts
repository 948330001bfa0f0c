import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import type { Locale } from "@/i18n/routing";

// Unknown paths under a locale (`/fr/nothing-here`) get the prerendered `/{locale}/page-not-found` document with
// status 404. Next.js can neither rewrite to a page with another status nor render notFound() as HTML, so the proxy
// fetches that document from this same server once per locale and answers from memory: a flood of random paths
// costs a string copy each, never a render, and the page reads without JavaScript in its own language and direction.

/** The prerendered document (app/[locale]/page-not-found) the proxy serves for unknown paths. */
export const NOT_FOUND_DOCUMENT = "page-not-found";
/** Marks the proxy's own fetch of that document, which must reach the page rather than the proxy again. */
export const NOT_FOUND_FETCH_HEADER = "x-surge-not-found-document";

// Each unknown path would be a cache entry of its own at a CDN, pushing out the pages that matter, and answering
// one from memory here costs next to nothing.
const NO_STORE = { "Cache-Control": "private, no-store" };
const FETCH_TIMEOUT_MS = 5000;
// After a failed fetch, 404s fall back to the catch-all for this long before the next attempt.
const RETRY_AFTER_FAILURE_MS = 30_000;

// One document per locale for the life of the process: it is prerendered by the build this process serves, and
// only a new build (a new process) changes its text or its stylesheet's name.
const documents = new Map<Locale, Promise<string>>();
let failedAt = -Infinity;

async function fetchDocument(origin: string, locale: Locale): Promise<string> {
  const response = await fetch(`${origin}/${locale}/${NOT_FOUND_DOCUMENT}`, {
    headers: { [NOT_FOUND_FETCH_HEADER]: "1" },
    cache: "no-store",
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`/${locale}/${NOT_FOUND_DOCUMENT} answered ${response.status}`);
  return response.text();
}

function documentFor(origin: string, locale: Locale): Promise<string> | undefined {
  const known = documents.get(locale);
  if (known) return known;
  if (Date.now() - failedAt < RETRY_AFTER_FAILURE_MS) return undefined;
  const html = fetchDocument(origin, locale);
  documents.set(locale, html);
  html.catch(() => {
    documents.delete(locale);
    failedAt = Date.now();
  });
  return html;
}

/**
 * The 404 answer for an unknown path under `locale`. When the document cannot be fetched (the server is not
 * reachable at the address it was started on), the request goes on to the locale's catch-all, whose notFound()
 * still answers 404, rendered by the browser.
 */
export async function localizedNotFound(request: NextRequest, locale: Locale): Promise<NextResponse> {
  if (request.headers.get(NOT_FOUND_FETCH_HEADER)) return NextResponse.next();
  // Only a browser loading a document asks for HTML. The client router's fetches of page data (prefetches, a click
  // on a broken link; Next.js hides their RSC headers from the proxy) get an empty 404: the router shows nothing
  // for it and, on a click, loads the URL as a document, which gets the page. Handing the request on would render it.
  if (!request.headers.get("accept")?.includes("text/html")) {
    return new NextResponse(null, { status: 404, headers: NO_STORE });
  }
  const document = documentFor(request.nextUrl.origin, locale);
  if (!document) return NextResponse.next();
  try {
    const html = await document;
    return new NextResponse(request.method === "HEAD" ? null : html, {
      status: 404,
      headers: { "Content-Type": "text/html; charset=utf-8", ...NO_STORE },
    });
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "localized 404 document unavailable",
        locale,
        error: String(error),
      }),
    );
    return NextResponse.next();
  }
}
