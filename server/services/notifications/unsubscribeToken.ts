/**
 * The unsubscribe link in a notification mail: `v1.<userId>.<scope>.<mac>`, scope a kind or
 * "digest" (every kind in the daily overview). It works without login, so it is signed (HMAC with
 * a key derived from the installation's secret) and says nothing but whom and what; it never
 * expires, as mail can be read late.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "../../../shared/domain/notifications.ts";
import { deviceCookieSecret } from "../../auth/deviceCookie.ts";
import type { AppDeps } from "../../context.ts";

export type UnsubscribeScope = NotificationKind | "digest";
const PART = /^[A-Za-z0-9_-]{1,64}$/;

async function key(deps: AppDeps): Promise<Buffer> {
  const secret = await deviceCookieSecret(deps.database, deps.config);
  return createHmac("sha256", secret).update("oogo-unsubscribe-v1").digest();
}

const mac = (k: Buffer, payload: string) => createHmac("sha256", k).update(payload).digest();

/** A signer bound to the installation's key; fetch it before opening a transaction (the key may be created on first use). */
export async function unsubscribeSigner(deps: AppDeps): Promise<(userId: string, scope: UnsubscribeScope) => string> {
  const k = await key(deps);
  return (userId, scope) => {
    if (!PART.test(userId)) throw new Error("afmeldlink: ongeldige gebruikers-id");
    const payload = `v1.${userId}.${scope}`;
    return `${payload}.${mac(k, payload).toString("base64url")}`;
  };
}

/** Whom and what a genuine token names; null for a forged, altered or malformed one. */
export async function readUnsubscribeToken(
  deps: AppDeps,
  token: string,
): Promise<{ userId: string; scope: UnsubscribeScope } | null> {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [version, userId, scope, given] = parts as [string, string, string, string];
  if (version !== "v1" || !PART.test(userId) || !(scope === "digest" || isNotificationKind(scope))) return null;
  const expected = mac(await key(deps), `${version}.${userId}.${scope}`);
  const givenBytes = Buffer.from(given, "base64url");
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return null;
  return { userId, scope };
}

export function unsubscribeUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/afmelden?token=${encodeURIComponent(token)}`;
}

/** The RFC 8058 one-click endpoint a mail client POSTs to (List-Unsubscribe). */
export function oneClickUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
}
