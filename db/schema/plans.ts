import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.ts";
import { workspacePlans, workspaces } from "./workspaces.ts";

/**
 * An uploaded version of a plan on the tafel (issue 14): which file, its SHA-256, and the text
 * read from it as a PlanText (shared/domain/planText.ts, JSON). Versions are numbered per plan
 * and never change or go away: they are what the tafel discussed. The file's bytes are in
 * `plan_files`, so listing versions never reads megabytes (ADR 0014).
 */
export const planVersions = sqliteTable(
  "plan_versions",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => workspacePlans.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** 1, 2, 3 … per plan, in upload order. */
    seq: integer("seq").notNull(),
    /** What the tafel calls this version, e.g. "concept 0.3". */
    label: text("label").notNull(),
    fileName: text("file_name").notNull(),
    fileKind: text("file_kind", { enum: ["docx", "pdf"] }).notNull(),
    byteSize: integer("byte_size").notNull(),
    /** SHA-256 of the original file, hex; its first characters are the kenmerk shown on screen. */
    sha256: text("sha256").notNull(),
    /** The extracted PlanText as JSON. */
    planText: text("plan_text").notNull(),
    sectionCount: integer("section_count").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("plan_versions_plan_seq_idx").on(t.planId, t.seq),
    index("plan_versions_ws_idx").on(t.workspaceId),
  ],
);

/** The original file of a plan version, byte for byte (downloadable; its hash is the version's sha256). */
export const planFiles = sqliteTable("plan_files", {
  versionId: text("version_id")
    .primaryKey()
    .references(() => planVersions.id, { onDelete: "cascade" }),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
});

/**
 * Where text taken from a plan went ("Gebruik als basis"): a point whose opening text was made
 * from these sections of this version. One row per section.
 */
export const planSectionLinks = sqliteTable(
  "plan_section_links",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    versionId: text("version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    /** PlanSection.id within that version, e.g. "s3.2". */
    sectionId: text("section_id").notNull(),
    /** "point": targetId is a point id; "spiegelparagraaf": targetId is the tafel's spiegelparagraaf document name. */
    targetType: text("target_type", { enum: ["point", "spiegelparagraaf"] }).notNull(),
    targetId: text("target_id").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("plan_section_links_version_idx").on(t.versionId),
    index("plan_section_links_target_idx").on(t.targetType, t.targetId),
  ],
);
