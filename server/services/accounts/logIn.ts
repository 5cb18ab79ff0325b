/**
 * Signing in and out, as service verbs: the route only reads cookies and the client address and
 * sets the cookies these verbs hand back (ADR 0009). Throttling per account and address, or per
 * known device, is ADR 0008.
 */
import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index.ts";
import { withWriteLock } from "../../../db/writeLock.ts";
import { verifyPassword } from "../../auth/password.ts";
import { createSession, deleteSession, resolveSession } from "../../auth/sessions.ts";
import { beginLoginAttempt, finishLoginAttempt, waitInWords, type AttemptKey } from "../../auth/loginThrottle.ts";
import { deviceCookieSecret, newDeviceId, signDeviceCookie, verifyDeviceCookie } from "../../auth/deviceCookie.ts";
import { ApiError } from "../../http/errors.ts";
import type { ServiceContext } from "../serviceContext.ts";

export interface LogInInput {
  email: string;
  password: string;
  /** The client's address as the server sees it. */
  ip: string;
  /** The device cookie the browser presented, if any. */
  deviceCookie: string | undefined;
}

export type LogInResult =
  | { kind: "throttled"; retryAfterSeconds: number }
  | {
      kind: "ok";
      user: { id: string; email: string; name: string };
      session: { token: string; expiresAt: Date };
      /** A (re)signed device cookie; null when the id cannot be carried (the login stands, the browser stays untrusted). */
      deviceCookie: string | null;
    };

/** Checks the password under the login throttle and opens a session. Wrong credentials: 401, without saying which. */
export async function logIn(ctx: ServiceContext, input: LogInInput): Promise<LogInResult> {
  const { database, config } = ctx.deps;
  const [user] = await database.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const secret = await deviceCookieSecret(database, config);
  // A device cookie counts only when genuine and issued for this very account.
  const deviceId = user ? verifyDeviceCookie(secret, input.deviceCookie, user.id, ctx.clock.now()) : null;
  const key: AttemptKey = { email: input.email, ip: input.ip, deviceId };
  const attempt = await beginLoginAttempt(database, key, ctx.clock.now());
  if (attempt.throttle) return { kind: "throttled", retryAfterSeconds: attempt.throttle.seconds };
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  await finishLoginAttempt(database, attempt.attemptId, key, ok, ctx.clock.now());
  if (!ok || !user) throw new ApiError("INVALID_CREDENTIALS", "E-mailadres of wachtwoord klopt niet.");
  // Every write goes through the in-process write queue (db/writeLock.ts).
  const session = await withWriteLock(database, () => createSession(database.db, user.id, config.sessionTtlHours));
  let deviceCookie: string | null;
  try {
    deviceCookie = signDeviceCookie(secret, user.id, deviceId ?? newDeviceId(), ctx.clock.now());
  } catch {
    deviceCookie = null;
  }
  return { kind: "ok", user: { id: user.id, email: user.email, name: user.name }, session, deviceCookie };
}

/** The Dutch refusal for a throttled login. */
export const throttledMessage = (seconds: number) =>
  `Te veel mislukte pogingen. Probeer het over ${waitInWords(seconds)} opnieuw.`;

/** Ends the session of this cookie, if it is one; open sync sockets and event streams of it close. */
export async function logOut(ctx: ServiceContext, input: { sessionToken: string | undefined }): Promise<void> {
  const { database, events } = ctx.deps;
  const caller = await resolveSession(database.db, input.sessionToken);
  if (!caller) return;
  await withWriteLock(database, () => deleteSession(database.db, caller.sessionId));
  events.emit("session.ended", { sessionId: caller.sessionId, userId: caller.userId });
}
