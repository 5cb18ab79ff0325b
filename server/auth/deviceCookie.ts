/**
 * Device cookie: proof that this browser logged in to this account before. It is not a login
 * factor — the password is still required — it only lets the browser's attempts be throttled on
 * their own (per device) instead of together with an attacker's (docs/adr/0008-login-throttling.md).
 *
 * Value: `v1.<userId>.<deviceId>.<issuedAtMs>.<mac>`, mac = HMAC-SHA256 over everything before it.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { instanceSecrets } from "../../db/schema/index.ts";
import { withWriteLock } from "../../db/writeLock.ts";
import type { AppConfig } from "../context.ts";

export const DEVICE_COOKIE = "oogo_apparaat";
export const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 3600;
/** Sent only to the login endpoints: no other request needs it. */
export const DEVICE_COOKIE_PATH = "/api/auth";
export const MIN_SECRET_LENGTH = 32;

const VERSION = "v1";
const PART = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET_NAME = "device_cookie";
/** Tolerated clock difference for a cookie "issued in the future" (several server processes). */
const SKEW_MS = 5 * 60_000;

export const newDeviceId = () => randomBytes(16).toString("base64url");

const mac = (secret: Buffer, payload: string) => createHmac("sha256", secret).update(payload).digest();

export function signDeviceCookie(secret: Buffer, userId: string, deviceId: string, issuedAt: Date): string {
  if (!PART.test(userId) || !PART.test(deviceId)) throw new Error("device cookie: id met ongeldige tekens");
  const payload = `${VERSION}.${userId}.${deviceId}.${issuedAt.getTime()}`;
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/**
 * The device id when `value` is a genuine, unexpired cookie issued for `userId`; otherwise null,
 * so a forged, tampered, expired or other account's cookie counts as no cookie at all.
 */
export function verifyDeviceCookie(
  secret: Buffer,
  value: string | undefined,
  userId: string,
  now = new Date(),
): string | null {
  if (!value || value.length > 300) return null;
  const parts = value.split(".");
  if (parts.length !== 5) return null;
  const [version, cookieUser, deviceId, issued, givenMac] = parts as [string, string, string, string, string];
  if (version !== VERSION || !PART.test(cookieUser) || !PART.test(deviceId) || !/^\d{1,15}$/.test(issued)) return null;
  const expected = mac(secret, `${version}.${cookieUser}.${deviceId}.${issued}`);
  const given = Buffer.from(givenMac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (cookieUser !== userId) return null;
  const age = now.getTime() - Number(issued);
  if (age > DEVICE_COOKIE_MAX_AGE_S * 1000 || age < -SKEW_MS) return null;
  return deviceId;
}

const secrets = new WeakMap<Database, Promise<Buffer>>();

/**
 * The HMAC key: `DEVICE_COOKIE_SECRET` (config) when set, otherwise a random key generated once
 * and kept in `instance_secrets`, so restarts keep devices trusted. Resolved once per database.
 */
export function deviceCookieSecret(database: Database, config: Pick<AppConfig, "deviceCookieSecret">): Promise<Buffer> {
  let secret = secrets.get(database);
  if (!secret) {
    secret = resolveSecret(database, config.deviceCookieSecret);
    secrets.set(database, secret);
    secret.catch(() => secrets.delete(database)); // a failed read is retried on the next login
  }
  return secret;
}

async function resolveSecret(database: Database, configured: string | undefined): Promise<Buffer> {
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(`DEVICE_COOKIE_SECRET moet minstens ${MIN_SECRET_LENGTH} tekens lang zijn.`);
    }
    return Buffer.from(configured, "utf8");
  }
  // Insert-if-absent, then read: two processes starting at once end up with the same key.
  await withWriteLock(database, () =>
    database.db
      .insert(instanceSecrets)
      .values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url"), createdAt: new Date().toISOString() })
      .onConflictDoNothing(),
  );
  const [row] = await database.db.select().from(instanceSecrets).where(eq(instanceSecrets.name, SECRET_NAME));
  if (!row) throw new Error("device cookie secret ontbreekt na aanmaken");
  return Buffer.from(row.value, "base64url");
}
