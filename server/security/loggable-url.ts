// What of a request's URL may reach a log line.

/**
 * The URL as it may be logged: the path only (a query may carry a ballot-card code, ?invite=…),
 * and any token pasted into the path masked (tokens carry a kind prefix, see server/crypto.ts).
 */
export function loggableUrl(url: string): string {
  return (url.split("?")[0] ?? "").replace(/\b(adm|scr|par|org)_[A-Za-z0-9_-]*/g, "$1_[redacted]");
}
