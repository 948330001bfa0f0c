// Headers for every response, set once in next.config.ts so prerendered pages keep them without any per-request
// work; the launch's hottest route handlers set them themselves (ROUTES_SETTING_OWN_HEADERS below).
//
// Why script-src allows 'unsafe-inline' and uses no nonce or hash: Next.js streams each page's React Server
// Component payload in inline <script> tags (`self.__next_f.push(...)`). A nonce must be new on every response,
// which forces every page to render per request (Next's own CSP guide says so) and would end prerendering and CDN
// caching, the thing that keeps the site up on launch night. Hashes would have to be recomputed for every page on
// every ISR regeneration, since the payload carries the live totals. So inline scripts are allowed, and the rest
// is locked down: no eval, scripts only from our origin, no plugins, no <base> hijacking, forms only to us, no
// framing. React escapes everything we render, so there is no route for injected markup to begin with.
type Options = {
  production: boolean;
  sentryDsn?: string;
  appUrl: string;
  /** The configured gateway's hosted payment page (lib/payments/checkout-origins.ts); none for the sandbox. */
  checkoutOrigins?: readonly string[];
};

function contentSecurityPolicy({ production, sentryDsn, appUrl, checkoutOrigins = [] }: Options): string {
  const connect = ["'self'", ...(sentryDsn ? [new URL(sentryDsn).origin] : [])];
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its call stacks; `next build` output never needs eval.
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
    // React writes style attributes; no third-party CSS is loaded.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The donation form posts to us and is redirected to the gateway's checkout, which browsers hold to
    // form-action too: the configured gateway's hosted page, and nothing else.
    ["form-action 'self'", ...checkoutOrigins].join(" "),
    "frame-ancestors 'none'",
    ...(new URL(appUrl).protocol === "https:" ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: Options): Array<{ key: string; value: string }> {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // Only production: a developer's localhost must not be pinned to HTTPS for two years.
    ...(options.production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}

/**
 * The route handlers donors and gateways hit hardest: a donation start, a gateway's callback, the donor's return.
 * Next.js compiles every configured header value again for each response (a value may hold :params from the
 * source), which cost these routes several percent of their CPU, so next.config.ts leaves them out and they set the
 * same headers on what they answer (withRequestLogging), where it costs a few Headers.set calls.
 */
export const ROUTES_SETTING_OWN_HEADERS = [
  "/api/donations",
  "/api/payments/return",
  "/api/payments/callback",
  "/api/payments/callback/stripe",
  "/api/payments/callback/mollie",
];

/** next.config.ts's source for its header rule: every path but ROUTES_SETTING_OWN_HEADERS. */
export const CONFIG_HEADERS_SOURCE = `/((?!(?:${ROUTES_SETTING_OWN_HEADERS.map((route) => route.slice(1)).join("|")})$).*)`;
