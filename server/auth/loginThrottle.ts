import { and, count, eq, gt, isNull, max, type SQL } from "drizzle-orm";
import type { Database, Db } from "../../db/client.ts";
import { loginAttempts } from "../../db/schema/index.ts";
import { withWriteLock } from "../../db/writeLock.ts";

/**
 * Login throttling that slows guessing without letting anyone lock a person out
 * (docs/adr/0008-login-throttling.md). Failures are counted in the database, so limits survive restarts:
 * - per (account, address): an attacker failing for an account slows only his own address for it;
 * - per (account, device) instead, when the browser shows a valid device cookie for the account:
 *   a browser that logged in before is never slowed by failures from elsewhere;
 * - per address, without device cookie: a generous ceiling that only slows sources that spray many
 *   accounts, and only for a minute at most, so an office sharing one address is never locked out.
 * Past the free failures each further attempt waits twice as long as the one before, measured from
 * the latest failure, up to the limit's cap.
 */
export const LIMITS = {
  /** Failures since the last success of this pair (or device), within the window. */
  account: { free: 5, windowMs: 24 * 3600_000, firstDelayS: 10, maxDelayS: 15 * 60 },
  address: { free: 100, windowMs: 3600_000, firstDelayS: 10, maxDelayS: 60 },
} as const;

export interface AttemptKey {
  /** Lowercased e-mail address as typed, whether or not an account exists. */
  email: string;
  ip: string;
  /** From a valid device cookie for this account; null without one. */
  deviceId: string | null;
}

export type ThrottleKind = "adres+account" | "apparaat+account" | "adres";
export interface Throttle {
  /** 0 when the attempt may go ahead. */
  seconds: number;
  kind: ThrottleKind | null;
}

const delaySeconds = (failures: number, limit: (typeof LIMITS)[keyof typeof LIMITS]) =>
  failures < limit.free ? 0 : Math.min(limit.maxDelayS, limit.firstDelayS * 2 ** (failures - limit.free));

/** How long this attempt must wait; the largest wait of the limits that apply to it. */
export async function retryAfterSeconds(db: Db, key: AttemptKey, now = new Date()): Promise<Throttle> {
  const byDevice = and(eq(loginAttempts.email, key.email), eq(loginAttempts.deviceId, key.deviceId ?? ""))!;
  const byPair = and(eq(loginAttempts.email, key.email), eq(loginAttempts.ip, key.ip))!;
  const checks: Array<{ kind: ThrottleKind; where: SQL; resetBy?: SQL; limit: (typeof LIMITS)[keyof typeof LIMITS] }> =
    key.deviceId
      ? [{ kind: "apparaat+account", where: byDevice, resetBy: byDevice, limit: LIMITS.account }]
      : [
          // The pair counts its device's failures too (dropping a stolen cookie gives no fresh start),
          // but only a success without device cookie resets it: a victim's trusted login from the
          // attacker's address must not hand the attacker new free guesses.
          {
            kind: "adres+account",
            where: byPair,
            resetBy: and(byPair, isNull(loginAttempts.deviceId))!,
            limit: LIMITS.account,
          },
          // Attempts from trusted devices stay out of the address count: they are throttled per device.
          {
            kind: "adres",
            where: and(eq(loginAttempts.ip, key.ip), isNull(loginAttempts.deviceId))!,
            limit: LIMITS.address,
          },
        ];
  let result: Throttle = { seconds: 0, kind: null };
  for (const { kind, where, resetBy, limit } of checks) {
    let since = new Date(now.getTime() - limit.windowMs).toISOString();
    if (resetBy) {
      const [lastSuccess] = await db
        .select({ at: max(loginAttempts.at) })
        .from(loginAttempts)
        .where(and(resetBy, eq(loginAttempts.success, true)));
      if (lastSuccess?.at && lastSuccess.at > since) since = lastSuccess.at;
    }
    const [row] = await db
      .select({ n: count(), last: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    const delayS = delaySeconds(row?.n ?? 0, limit);
    if (!row?.last || delayS === 0) continue;
    const remaining = Math.ceil((new Date(row.last).getTime() + delayS * 1000 - now.getTime()) / 1000);
    if (remaining > result.seconds) result = { seconds: remaining, kind };
  }
  return result;
}

/**
 * Checks the limits and, when the attempt may go ahead, records it as a failure in the same turn
 * of the write queue, before the password is checked: parallel guesses cannot all slip through
 * one free slot. `finishLoginAttempt` marks it a success.
 */
export async function beginLoginAttempt(
  database: Database,
  key: AttemptKey,
  now = new Date(),
): Promise<{ throttle: Throttle; attemptId: null } | { throttle: null; attemptId: number }> {
  return withWriteLock(database, async () => {
    const throttle = await retryAfterSeconds(database.db, key, now);
    if (throttle.seconds > 0) return { throttle, attemptId: null };
    const [row] = await database.db
      .insert(loginAttempts)
      .values({ email: key.email, ip: key.ip, deviceId: key.deviceId, success: false, at: now.toISOString() })
      .returning({ id: loginAttempts.id });
    return { throttle: null, attemptId: row!.id };
  });
}

export async function finishLoginAttempt(
  database: Database,
  attemptId: number,
  key: AttemptKey,
  success: boolean,
  now = new Date(),
) {
  if (success) {
    await withWriteLock(database, () =>
      database.db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId)),
    );
    return;
  }
  const device = key.deviceId ? ` (bekend apparaat ${key.deviceId})` : "";
  console.warn(`[auth] mislukte inlogpoging voor ${JSON.stringify(key.email)} vanaf ${key.ip}${device}`);
  // Warn when this failure makes the next attempt wait: the start of throttling is worth a look.
  const next = await retryAfterSeconds(database.db, key, now);
  if (next.seconds > 0) {
    console.warn(
      `[auth] inlogpogingen vertraagd (${next.kind}) voor ${JSON.stringify(key.email)} vanaf ${key.ip}${device}: ${next.seconds} s`,
    );
  }
}

/** Records a finished attempt directly (tests, imports); the login route uses begin/finish. */
export async function recordLoginAttempt(database: Database, key: AttemptKey, success: boolean, now = new Date()) {
  await withWriteLock(database, () =>
    database.db
      .insert(loginAttempts)
      .values({ email: key.email, ip: key.ip, deviceId: key.deviceId, success, at: now.toISOString() }),
  );
}

/** "30 seconden" / "2 minuten": the wait in the words of the error message. */
export function waitInWords(seconds: number): string {
  if (seconds <= 90) return seconds === 1 ? "1 seconde" : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minuten`;
}
