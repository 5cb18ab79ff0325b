import { and, count, eq, gt, max } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { loginAttempts } from "../../db/schema/index.ts";

/**
 * Login rate limiting. Failures are counted per e-mail address (since its last successful login)
 * and per client address, within a window. Past a free number of failures each further attempt
 * must wait twice as long as the one before, measured from the latest failure (capped).
 * Counting in the database keeps the limit across restarts.
 */
const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES_PER_EMAIL = 5;
/** More generous per address: a whole office may share one. */
const FREE_FAILURES_PER_IP = 20;
const MAX_DELAY_S = 15 * 60;

export async function retryAfterSeconds(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const [lastSuccess] = await db
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, true)));
  const emailSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;

  const checks = [
    { column: loginAttempts.email, value: email, since: emailSince, free: FREE_FAILURES_PER_EMAIL },
    { column: loginAttempts.ip, value: ip, since: windowStart, free: FREE_FAILURES_PER_IP },
  ];
  let wait = 0;
  for (const { column, value, since, free } of checks) {
    const [row] = await db
      .select({ n: count(), last: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    if (!row || !row.last || row.n < free) continue;
    const delayMs = Math.min(MAX_DELAY_S, 2 ** (row.n - free)) * 1000;
    const remaining = new Date(row.last).getTime() + delayMs - now.getTime();
    wait = Math.max(wait, remaining);
  }
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, success: boolean) {
  await db.insert(loginAttempts).values({ email, ip, success, at: new Date().toISOString() });
  if (!success) console.warn(`[auth] mislukte inlogpoging voor ${JSON.stringify(email)} vanaf ${ip}`);
}
