import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.ts";
import {
  ORGANISATION_KINDS,
  OTHER_PARTICIPANT_TYPES,
  PLAN_STATUSES,
  PLAN_TYPES,
  TAFEL_LEVELS,
} from "../../shared/domain/parties.ts";

/**
 * A party at the OOGO: an SWV (with its DUO code and sector), a gemeente (with its CBS code), or
 * another participant (`overig`: mbo-instelling, schoolbestuur, OPR, ketenpartner) that sits at
 * the table without signing or holding a stance (ADR 0010).
 */
export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
  /** Overig only: which kind of participant. */
  subtype: text("subtype", { enum: OTHER_PARTICIPANT_TYPES }),
  name: text("name").notNull(),
  /** SWV only: e.g. "VO 20.01". */
  swvCode: text("swv_code"),
  /** SWV only. */
  sector: text("sector", { enum: ["po", "vo"] }),
  /** Gemeente only: e.g. "GM0014". */
  cbsCode: text("cbs_code"),
  createdAt: text("created_at").notNull(),
});

/**
 * An OOGO-tafel: one or more SWVs with the gemeenten of their region, about the plans in
 * `workspace_plans` (ADR 0010).
 */
export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  level: text("level", { enum: TAFEL_LEVELS }).notNull().default("regionaal"),
  /**
   * A local tafel may name the regional tafel whose agreements it elaborates. No foreign key
   * (adding one would rebuild this table); the tafel verbs check it.
   */
  parentWorkspaceId: text("parent_workspace_id"),
  /** The tafel this one continues into a next planperiode (POST /next-period), if any. */
  previousWorkspaceId: text("previous_workspace_id"),
  createdAt: text("created_at").notNull(),
});

/**
 * A plan on the table: the ondersteuningsplan of one SWV (its sector gives the legal basis: WPO
 * 18a lid 9 or WVO 2020, formerly WVO 17a lid 9) or the jeugdplan of one gemeente (Jeugdwet 2.2). A tafel may
 * discuss several.
 */
export const workspacePlans = sqliteTable(
  "workspace_plans",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PLAN_TYPES }).notNull(),
    /** The party whose plan it is (an SWV for an ondersteuningsplan, a gemeente for a jeugdplan). */
    organisationId: text("organisation_id").references(() => organisations.id),
    title: text("title").notNull(),
    periodStart: integer("period_start").notNull(),
    periodEnd: integer("period_end").notNull(),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("concept"),
    /** Version label of the plan under discussion, e.g. "concept 0.3". */
    versionLabel: text("version_label").notNull().default(""),
    position: integer("position").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("workspace_plans_ws_idx").on(t.workspaceId, t.position)],
);

export const workspaceParties = sqliteTable(
  "workspace_parties",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Stable order; also picks the party colour. */
    position: integer("position").notNull(),
    /** Partial coverage (e.g. Tynaarlo: only the postcodes around Zuidlaren). */
    coverageNote: text("coverage_note"),
    /**
     * Calendar date (YYYY-MM-DD) from which the party is "niet meer aan tafel". A party with
     * stances, signatures or points in its scope is never deleted, only marked; it stays in exports.
     */
    leftAt: text("left_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.organisationId] })],
);

/**
 * The themes of a tafel, in order: the standard six (shared/domain/themes.ts) are rows too, so a
 * tafel can rename, reorder and archive any of them. A theme is archived, never deleted, once it
 * has points; archived themes keep their label for old points and exports.
 */
export const workspaceThemes = sqliteTable(
  "workspace_themes",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
    archivedAt: text("archived_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/**
 * Who may do what at a tafel: user × tafel × party × role. One active membership per user per
 * tafel. Revocation deletes the row (the audit log keeps the history), so every request and
 * every sync message sees the change at once.
 */
export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The party the member acts for; null only for roles that act for the tafel as a whole. */
    organisationId: text("organisation_id").references(() => organisations.id),
    role: text("role", {
      enum: ["ambtenaar", "trekker", "bestuurder", "secretaris", "waarnemer", "beheerder"],
    }).notNull(),
    /** Capacity shown on documents, e.g. "wethouder onderwijs en jeugd". */
    title: text("title"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("memberships_ws_user_uq").on(t.workspaceId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

/**
 * An invitation to ONE tafel in ONE role (ADR 0005). It grants nothing by itself: the membership
 * is created only when this invitation's own link is accepted. The row holds the address and the
 * name the beheerder typed — not a user id — so nothing about existing accounts is revealed or
 * touched before the person accepts.
 */
export const invitations = sqliteTable(
  "tafel_invitations",
  {
    /** Random id, used to list and withdraw the invitation; never the token. */
    id: text("id").primaryKey(),
    /** SHA-256 of the one-time token in the link, so a copy of the database grants nothing. */
    tokenHash: text("token_hash").notNull(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Lowercased, like users.email; the account that may accept is the one with this address. */
    email: text("email").notNull(),
    /** The name as the beheerder typed it; becomes the account name only for a new account. */
    name: text("name").notNull(),
    role: text("role", {
      enum: ["ambtenaar", "trekker", "bestuurder", "secretaris", "waarnemer", "beheerder"],
    }).notNull(),
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
  },
  (t) => [
    uniqueIndex("tafel_invitations_token_uq").on(t.tokenHash),
    index("tafel_invitations_ws_email_idx").on(t.workspaceId, t.email),
  ],
);
