import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BESPREEKPUNT_SOURCES, BESPREEKPUNT_STATUSES } from "../../shared/domain/bespreekpunten.ts";
import { PARTY_KINDS } from "../../shared/domain/parties.ts";
import { users } from "./accounts.ts";
import { agendaItems } from "./meetings.ts";
import { planVersions } from "./plans.ts";
import { points } from "./points.ts";
import { organisations, workspaces } from "./workspaces.ts";

/**
 * A bespreekpunt of a tafel (issue 14): a question one party puts to the other about the plan,
 * from a standard set (`standardKey`) or the tafel's own. Never deleted: "niet van toepassing"
 * is a status, so the log and the coverage keep every question the tafel ever had.
 */
export const bespreekpunten = sqliteTable(
  "bespreekpunten",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Key in shared/data/bespreekpuntenSet.ts; null for the tafel's own. */
    standardKey: text("standard_key"),
    source: text("source", { enum: BESPREEKPUNT_SOURCES }).notNull(),
    group: text("group_label").notNull(),
    title: text("title").notNull(),
    question: text("question").notNull(),
    /** The side that raises it; the question goes to the other side. */
    askedBy: text("asked_by", { enum: PARTY_KINDS }).notNull(),
    /** The party that leads it, once chosen. */
    leadPartyId: text("lead_party_id").references(() => organisations.id),
    /** Theme prefilled when it becomes an overeenstemmingspunt. */
    theme: text("theme"),
    status: text("status", { enum: BESPREEKPUNT_STATUSES }).notNull().default("niet_besproken"),
    /**
     * A section of an imported plan version ("s3.2", PlanSection.id). The import lands separately,
     * so no foreign key yet; the verbs only check its shape.
     */
    planSectionId: text("plan_section_id"),
    /** The plan version the section belongs to ("Maak bespreekpunt" from the screening). */
    planVersionId: text("plan_version_id").references(() => planVersions.id),
    position: integer("position").notNull(),
    /** Optimistic concurrency: every change increments it. */
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("bespreekpunten_ws_idx").on(t.workspaceId, t.position),
    uniqueIndex("bespreekpunten_ws_standard_uq").on(t.workspaceId, t.standardKey),
  ],
);

/** Overeenstemmingspunten a bespreekpunt led to (or is about). */
export const bespreekpuntPoints = sqliteTable(
  "bespreekpunt_points",
  {
    bespreekpuntId: text("bespreekpunt_id")
      .notNull()
      .references(() => bespreekpunten.id, { onDelete: "cascade" }),
    pointId: text("point_id")
      .notNull()
      .references(() => points.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.bespreekpuntId, t.pointId] })],
);

/** Agenda items where a bespreekpunt was (or will be) discussed. */
export const bespreekpuntAgendaItems = sqliteTable(
  "bespreekpunt_agenda_items",
  {
    bespreekpuntId: text("bespreekpunt_id")
      .notNull()
      .references(() => bespreekpunten.id, { onDelete: "cascade" }),
    agendaItemId: text("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.bespreekpuntId, t.agendaItemId] })],
);

/**
 * A party's own score for one theme of one screened plan version (issue 14): its trekker's
 * opinion next to the screening's proposal, on one version of the imported plan. One row per
 * version, theme and party; a new opinion replaces it (the log keeps every earlier one).
 */
export const screeningOpinions = sqliteTable(
  "screening_opinions",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    planVersionId: text("plan_version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    themeKey: text("theme_key").notNull(),
    partyId: text("party_id")
      .notNull()
      .references(() => organisations.id),
    score: integer("score").notNull(),
    reason: text("reason").notNull(),
    quote: text("quote"),
    setBy: text("set_by").references(() => users.id),
    setAt: text("set_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.planVersionId, t.themeKey, t.partyId] })],
);
