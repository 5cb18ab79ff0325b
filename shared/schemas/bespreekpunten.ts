/** Request and response shapes of the bespreekpunten API (issue 14). */
import { z } from "zod";
import { BESPREEKPUNT_SOURCES, BESPREEKPUNT_STATUSES } from "../domain/bespreekpunten.ts";
import { MEETING_TYPES } from "../domain/meetings.ts";
import { PARTY_KINDS } from "../domain/parties.ts";
import { POINT_STATUSES } from "../domain/pointStatus.ts";
import { Id } from "./common.ts";
import { freeText } from "./freeText.ts";
import { ThemeKey, Version } from "./points.ts";

export const BespreekpuntStatusSchema = z.enum(BESPREEKPUNT_STATUSES, { message: "Kies een geldige status" });

const Title = freeText({ label: "de titel", min: 3, max: 160, tooShort: "Geef een titel van minstens 3 tekens" });
const Question = freeText({
  label: "de vraag",
  min: 5,
  max: 1000,
  multiline: true,
  tooShort: "Schrijf de vraag aan de andere partij uit (minstens 5 tekens)",
});
/** A section id of an imported plan version (PlanSection.id, e.g. "s3.2"). */
export const PlanSectionId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "Ongeldige verwijzing naar een planonderdeel");

export const CreateBespreekpuntInput = z
  .object({
    title: Title,
    question: Question,
    askedBy: z.enum(PARTY_KINDS, { message: "Kies wie de vraag stelt" }),
    leadPartyId: Id.nullable().optional(),
    theme: ThemeKey.nullable().optional(),
  })
  .strict();
export type CreateBespreekpuntInput = z.infer<typeof CreateBespreekpuntInput>;

export const UpdateBespreekpuntInput = z
  .object({
    expectedVersion: Version,
    status: BespreekpuntStatusSchema.optional(),
    title: Title.optional(),
    question: Question.optional(),
    leadPartyId: Id.nullable().optional(),
    theme: ThemeKey.nullable().optional(),
    planSectionId: PlanSectionId.nullable().optional(),
    /** The full set of linked overeenstemmingspunten (replaces the current links). */
    pointIds: z
      .array(Id)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, "Een punt staat dubbel in de koppelingen")
      .optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 1, { message: "Geef ten minste één wijziging op", path: ["status"] });
export type UpdateBespreekpuntInput = z.infer<typeof UpdateBespreekpuntInput>;

export const MakePointInput = z
  .object({
    expectedVersion: Version,
    /** Defaults to the bespreekpunt's title and theme. */
    title: freeText({
      label: "de titel",
      min: 3,
      max: 200,
      tooShort: "Geef een titel van minstens 3 tekens",
    }).optional(),
    theme: ThemeKey.optional(),
  })
  .strict();
export type MakePointInput = z.infer<typeof MakePointInput>;

export const AgendeerInput = z.object({ expectedVersion: Version, meetingId: Id }).strict();
export type AgendeerInput = z.infer<typeof AgendeerInput>;

export const BespreekpuntView = z.object({
  id: z.string(),
  standardKey: z.string().nullable(),
  source: z.enum(BESPREEKPUNT_SOURCES),
  group: z.string(),
  title: z.string(),
  question: z.string(),
  askedBy: z.enum(PARTY_KINDS),
  leadPartyId: z.string().nullable(),
  leadPartyName: z.string().nullable(),
  theme: z.string().nullable(),
  status: BespreekpuntStatusSchema,
  planSectionId: z.string().nullable(),
  /** The plan version that section belongs to (set by the screening's "Maak bespreekpunt"). */
  planVersionId: z.string().nullable(),
  /**
   * What the client needs for the "Bron:" link back to the plan: the plan's title, the version and
   * the section as the plan numbers it. Null when the bespreekpunt was not made from a plan version;
   * the section fields are null when no section was cited (the link then opens the version).
   */
  planSource: z
    .object({
      planTitle: z.string(),
      versionId: z.string(),
      versionLabel: z.string(),
      sectionId: z.string().nullable(),
      sectionNumber: z.string().nullable(),
      sectionTitle: z.string().nullable(),
    })
    .nullable(),
  version: z.number(),
  updatedAt: z.string(),
  points: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(POINT_STATUSES) })),
  agendaItems: z.array(
    z.object({
      id: z.string(),
      meetingId: z.string(),
      meetingTitle: z.string(),
      meetingType: z.enum(MEETING_TYPES),
      startsAt: z.string(),
    }),
  ),
});
export type BespreekpuntView = z.infer<typeof BespreekpuntView>;

export const BespreekpuntenList = z.object({
  items: z.array(BespreekpuntView),
  coverage: z.object({
    total: z.number(),
    open: z.number(),
    percentDone: z.number(),
    byStatus: z.record(z.string(), z.number()),
  }),
  /** Where the standard sets at this tafel come from. */
  sources: z.array(z.object({ source: z.enum(BESPREEKPUNT_SOURCES), citation: z.string() })),
});
export type BespreekpuntenList = z.infer<typeof BespreekpuntenList>;
