import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.ts";

/** A party at the OOGO: an SWV (with its DUO code and sector) or a gemeente (with its CBS code). */
export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["swv", "gemeente"] }).notNull(),
  name: text("name").notNull(),
  /** SWV only: e.g. "VO 20.01". */
  swvCode: text("swv_code"),
  /** SWV only. */
  sector: text("sector", { enum: ["po", "vo"] }),
  /** Gemeente only: e.g. "GM0014". */
  cbsCode: text("cbs_code"),
  createdAt: text("created_at").notNull(),
});

/** An OOGO-tafel: one or more SWVs with the gemeenten of their region, about one plan and period. */
export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  planType: text("plan_type", { enum: ["ondersteuningsplan", "jeugdplan"] }).notNull(),
  planTitle: text("plan_title").notNull(),
  /** Version label of the plan under discussion, e.g. "concept 0.3". */
  planVersion: text("plan_version").notNull(),
  periodStart: integer("period_start").notNull(),
  periodEnd: integer("period_end").notNull(),
  level: text("level", { enum: ["regionaal", "lokaal"] }).notNull().default("regionaal"),
  createdAt: text("created_at").notNull(),
});

export const workspaceParties = sqliteTable("workspace_parties", {
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  organisationId: text("organisation_id").notNull().references(() => organisations.id),
  /** Stable order; also picks the party colour. */
  position: integer("position").notNull(),
  /** Partial coverage (e.g. Tynaarlo: only the postcodes around Zuidlaren). */
  coverageNote: text("coverage_note"),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.organisationId] })]);

/** Tafel-specific themes beyond the standard ones in shared/domain/themes.ts. */
export const workspaceThemes = sqliteTable("workspace_themes", {
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  key: text("key").notNull(),
  label: text("label").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.key] })]);

/**
 * Who may do what at a tafel: user × tafel × party × role. One active membership per user per
 * tafel. Revocation deletes the row (the audit log keeps the history), so every request and
 * every sync message sees the change at once.
 */
export const memberships = sqliteTable("memberships", {
  id: text("id").primaryKey(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  /** The party the member acts for; null only for roles that act for the tafel as a whole. */
  organisationId: text("organisation_id").references(() => organisations.id),
  role: text("role", { enum: ["ambtenaar", "trekker", "bestuurder", "secretaris", "waarnemer", "beheerder"] }).notNull(),
  /** Capacity shown on documents, e.g. "wethouder onderwijs en jeugd". */
  title: text("title"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
}, (t) => [uniqueIndex("memberships_ws_user_uq").on(t.workspaceId, t.userId), index("memberships_user_idx").on(t.userId)]);

/**
 * An invitation to ONE tafel in ONE role (ADR 0005). It grants nothing by itself: the membership
 * is created only when this invitation's own link is accepted. The row holds the address and the
 * name the beheerder typed — not a user id — so nothing about existing accounts is revealed or
 * touched before the person accepts.
 */
export const invitations = sqliteTable("tafel_invitations", {
  /** Random id, used to list and withdraw the invitation; never the token. */
  id: text("id").primaryKey(),
  /** SHA-256 of the one-time token in the link, so a copy of the database grants nothing. */
  tokenHash: text("token_hash").notNull(),
  workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  /** Lowercased, like users.email; the account that may accept is the one with this address. */
  email: text("email").notNull(),
  /** The name as the beheerder typed it; becomes the account name only for a new account. */
  name: text("name").notNull(),
  role: text("role", { enum: ["ambtenaar", "trekker", "bestuurder", "secretaris", "waarnemer", "beheerder"] }).notNull(),
  organisationId: text("organisation_id").references(() => organisations.id),
  title: text("title"),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  acceptedAt: text("accepted_at"),
  acceptedBy: text("accepted_by").references(() => users.id),
  withdrawnAt: text("withdrawn_at"),
  /** Who sent the current link (invited, or resent it); named in the mail and on the invitation page. */
  invitedBy: text("invited_by").references(() => users.id),
  /** When a browser first opened the current link (the page asked who invites): the state "geopend". */
  openedAt: text("opened_at"),
}, (t) => [uniqueIndex("tafel_invitations_token_uq").on(t.tokenHash), index("tafel_invitations_ws_email_idx").on(t.workspaceId, t.email)]);
