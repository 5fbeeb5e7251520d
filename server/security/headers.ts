// The security headers of every answer: a CSP without inline or foreign script, no framing by
// other sites, no MIME sniffing, no referrer (docs/SECURITY.md). They are the same on every answer —
// no nonce, no per-route policy — so they are written once, here, and set from a frozen list: the
// helmet plugin assembled the same eleven headers again for each request (~15 µs of CPU a request,
// a tenth of a ballot's: docs/PERFORMANCE.md, "durable share").

/** The Content-Security-Policy's directives. The organiser page embeds the projector page as a live miniature: frames from this origin only. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data: blob:"],
  ["connect-src", "'self'"],
  ["font-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'self'"],
];

/**
 * Name and value of each header. No Strict-Transport-Security and no upgrade-insecure-requests:
 * Plenary is served over plain HTTP on venue networks, where they would break it.
 */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = Object.freeze([
  ["content-security-policy", CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join(";")],
  ["cross-origin-opener-policy", "same-origin"],
  ["cross-origin-resource-policy", "same-origin"],
  ["origin-agent-cluster", "?1"],
  ["referrer-policy", "no-referrer"],
  ["x-content-type-options", "nosniff"],
  ["x-dns-prefetch-control", "off"],
  ["x-download-options", "noopen"],
  ["x-frame-options", "SAMEORIGIN"],
  ["x-permitted-cross-domain-policies", "none"],
  // The old browsers' XSS auditor did more harm than good; "0" turns it off (as OWASP advises).
  ["x-xss-protection", "0"],
] as const);
