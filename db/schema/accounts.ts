import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Timestamps are ISO-8601 UTC strings: sortable, readable in exports and the dossier. */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Always stored lowercased; login compares lowercased input. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** The person's own function ("wethouder onderwijs en jeugd"), set on "Mijn account"; a membership's title stays per tafel. */
    functie: text("functie"),
    /** argon2id PHC string; null until an invited user sets a password. */
    passwordHash: text("password_hash"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie token, so a leaked table does not leak sessions. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Every login attempt, for rate limiting across restarts and for the security log. Throttling keys
 * on (email, ip), on (email, device_id) and on ip alone (server/auth/loginThrottle.ts).
 */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    /** Set when the browser presented a valid device cookie for this account. */
    deviceId: text("device_id"),
    success: integer("success", { mode: "boolean" }).notNull(),
    at: text("at").notNull(),
  },
  (t) => [
    index("login_attempts_pair_idx").on(t.email, t.ip, t.at),
    index("login_attempts_device_idx").on(t.email, t.deviceId, t.at),
    index("login_attempts_ip_idx").on(t.ip, t.at),
  ],
);

/**
 * Roles of the instance, not of a tafel (ADR 0010). `applicatiebeheerder` creates tafels and
 * appoints their first beheerder/secretaris — nothing else (shared/domain/roles.ts,
 * INSTANCE_CAPABILITIES). Granted by `npm run admin -- create`.
 */
export const instanceRoles = sqliteTable(
  "instance_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["applicatiebeheerder"] }).notNull(),
    grantedAt: text("granted_at").notNull(),
  },
  (t) => [uniqueIndex("instance_roles_user_role_uq").on(t.userId, t.role)],
);

/**
 * One-time links for an account: choosing a first password (`set_password`, e.g. the first
 * applicatiebeheerder) or a new one (`reset_password`). Only the SHA-256 of the token is kept,
 * so a copy of the database opens nothing; a link works once and until `expiresAt`.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["set_password", "reset_password"] }).notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("account_tokens_hash_uq").on(t.tokenHash), index("account_tokens_user_idx").on(t.userId)],
);
