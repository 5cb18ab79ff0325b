import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import type { Caller } from "../context.ts";
import { hashToken, newToken } from "./tokens.ts";

export const SESSION_COOKIE = "oogo_sessie";

export async function createSession(db: Db, userId: string, ttlHours: number) {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  const id = hashToken(token);
  await db.insert(sessions).values({ id, userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  // Opportunistic clean-up keeps the table small without a scheduler.
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  return { token, id, expiresAt };
}

/** Resolves a cookie token to the caller; null when unknown or expired. */
export async function resolveSession(db: Db, token: string | undefined): Promise<Caller | null> {
  if (!token || token.length > 128) return null;
  const id = hashToken(token);
  const [row] = await db
    .select({ sessionId: sessions.id, userId: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date().toISOString())))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
