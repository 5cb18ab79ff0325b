import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { workspaces, organisations } from "./workspaces.ts";
import { users } from "./accounts.ts";
import { POINT_STATUSES } from "../../shared/domain/pointStatus.ts";
import { STANCES } from "../../shared/domain/stances.ts";

/**
 * An overeenstemmingspunt. Its prose lives in its own Yjs document (see shared/collab);
 * this row holds the workflow. `status`, `textHash` and the stance table are caches of what
 * the audit log and the durable Yjs state say; only the services in server/services change them.
 */
export const points = sqliteTable(
  "points",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    theme: text("theme").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: POINT_STATUSES }).notNull(),
    /** Optimistic-concurrency version: every workflow change increments it. */
    version: integer("version").notNull().default(1),
    /** Canonical hash of the current durable text (shared/domain/textHash). */
    textHash: text("text_hash").notNull(),
    /** Term of the agreement in months (e.g. 12: the one-year horizon advised for jeugd matters). */
    termMonths: integer("term_months"),
    /** Key of the spiegelparagraaf section (theme) this point belongs to. */
    sectionKey: text("section_key"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /**
     * The point of the previous planperiode's tafel this one continues (POST /next-period): the
     * next cycle starts from what was agreed. Another tafel's point, so no foreign key.
     */
    originPointId: text("origin_point_id"),
  },
  (t) => [index("points_ws_idx").on(t.workspaceId, t.theme)],
);

/** The gemeenten a point concerns. No rows means: all gemeenten of the tafel. SWVs are always in scope. */
export const pointScope = sqliteTable(
  "point_scope",
  {
    pointId: text("point_id")
      .notNull()
      .references(() => points.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.organisationId] })],
);

/** Current stance per party (a cache of the latest stance event). */
export const pointStances = sqliteTable(
  "point_stances",
  {
    pointId: text("point_id")
      .notNull()
      .references(() => points.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    stance: text("stance", { enum: STANCES }).notNull(),
    reasoning: text("reasoning").notNull(),
    /** Text hash the stance was recorded on; an edit resets stances. */
    textHash: text("text_hash").notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.organisationId] })],
);

/**
 * A signature of a bestuurder for their party on one exact text. Never updated or deleted: a
 * signature whose textHash differs from the point's current textHash is "verouderd" (void).
 */
export const signoffs = sqliteTable(
  "signoffs",
  {
    id: text("id").primaryKey(),
    pointId: text("point_id")
      .notNull()
      .references(() => points.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title"),
    textHash: text("text_hash").notNull(),
    pointVersion: integer("point_version").notNull(),
    signedAt: text("signed_at").notNull(),
  },
  (t) => [index("signoffs_point_idx").on(t.pointId)],
);

/**
 * Signatures voided by "Heropenen" (server/services/points/reopenPoint.ts). A sign-off row is
 * immutable, so voiding is a row here, written with the `point.reopened` audit event that lists
 * the same signatures. A voided signature stays on record but no longer counts or protects the text.
 */
export const signoffVoids = sqliteTable("signoff_voids", {
  signoffId: text("signoff_id")
    .primaryKey()
    .references(() => signoffs.id, { onDelete: "cascade" }),
  pointId: text("point_id")
    .notNull()
    .references(() => points.id, { onDelete: "cascade" }),
  reason: text("reason").notNull(),
  voidedBy: text("voided_by")
    .notNull()
    .references(() => users.id),
  voidedAt: text("voided_at").notNull(),
});

/**
 * The exact text of a point at every hash an event referred to (a stance, a sign-off, the
 * agenda lock, a transition, a logged text change), so the dossier can print the text each
 * party agreed to. Insert-only: one row per (point, hash); `json` is the canonical ProseMirror
 * JSON whose SHA-256 is `textHash`.
 */
export const pointTextVersions = sqliteTable(
  "point_text_versions",
  {
    pointId: text("point_id")
      .notNull()
      .references(() => points.id, { onDelete: "cascade" }),
    textHash: text("text_hash").notNull(),
    json: text("json").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.textHash] })],
);
