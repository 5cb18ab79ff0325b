import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Secrets this installation generates for itself once, so they survive restarts without
 * configuration (e.g. the device cookie key, unless DEVICE_COOKIE_SECRET is set).
 */
export const instanceSecrets = sqliteTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: text("created_at").notNull(),
});
