/**
 * Which browser origins may use the API and the sync socket with a member's cookie. Browsers
 * always send `Origin` on WebSocket upgrades and cross-origin requests, so a page elsewhere (another
 * site, or another port of the same host) is recognised by it; its absence means a non-browser
 * client, which cannot be carrying a victim's cookie by accident.
 */
import type { AppConfig } from "../context.ts";

/** The origins a deployment trusts: PUBLIC_ORIGIN and, in `npm run dev`, the Vite dev server. */
export const trustedOrigins = (config: AppConfig): string[] => [config.publicOrigin, ...(config.devOrigins ?? [])];

/**
 * True for no Origin (non-browser client), a trusted origin, or the origin of the very host the
 * request was sent to (the page came from this server: same origin by definition; behind a
 * TLS-terminating proxy the scheme is unknown here, so the host is compared).
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  trusted: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (trusted.includes(origin)) return true;
  try {
    return new URL(origin).host === host?.toLowerCase();
  } catch {
    return false;
  }
}
