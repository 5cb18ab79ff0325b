import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Timestamps are ISO-8601 UTC strings: sortable, readable in exports and the dossier. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Always stored lowercased; login compares lowercased input. */
  email: text("email").notNull(),
  name: text("name").notNull(),
  /** argon2id PHC string; null until an invited user sets a password. */
  passwordHash: text("password_hash"),
  createdAt: text("created_at").notNull(),
}, (t) => [uniqueIndex("users_email_uq").on(t.email)]);

/** Server-side sessions. `id` is the SHA-256 of the cookie token, so a leaked table does not leak sessions. */
export const sessions = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
}, (t) => [index("sessions_user_idx").on(t.userId)]);

/**
 * Every login attempt, for rate limiting across restarts and for the security log. Throttling keys
 * on (email, ip), on (email, device_id) and on ip alone (server/auth/loginThrottle.ts).
 */
export const loginAttempts = sqliteTable("login_attempts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull(),
  ip: text("ip").notNull(),
  /** Set when the browser presented a valid device cookie for this account. */
  deviceId: text("device_id"),
  success: integer("success", { mode: "boolean" }).notNull(),
  at: text("at").notNull(),
}, (t) => [
  index("login_attempts_pair_idx").on(t.email, t.ip, t.at),
  index("login_attempts_device_idx").on(t.email, t.deviceId, t.at),
  index("login_attempts_ip_idx").on(t.ip, t.at),
]);

