/** Request and answer shapes of the plan import (issue 14). */
import { z } from "zod";

import { freeText } from "./freeText.ts";
import { ThemeKey } from "./points.ts";
import { BlockChangeView } from "./versions.ts";

export const PlanVersionLabel = freeText({ label: "de versienaam", max: 80 });
export const PlanFileName = freeText({ label: "de bestandsnaam", max: 200, min: 1 });

/** The upload sends the file as the raw body; name and label travel in the query. */
export const UploadPlanQuery = z.object({
  fileName: PlanFileName,
  label: PlanVersionLabel.optional(),
});
export type UploadPlanQuery = z.infer<typeof UploadPlanQuery>;

export const SectionId = z.string().regex(/^s[0-9][0-9.]*(-[0-9]+)?$/, "Ongeldige paragraaf");

export const PlanVersionSummary = z.object({
  id: z.string(),
  planId: z.string(),
  seq: z.number().int(),
  label: z.string(),
  fileName: z.string(),
  fileKind: z.enum(["docx", "pdf"]),
  byteSize: z.number().int(),
  sha256: z.string(),
  /** Short form of the SHA-256 shown to people. */
  kenmerk: z.string(),
  sectionCount: z.number().int(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

const TextRun = z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() });
const PlanBlock = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paragraph"), text: z.string(), runs: z.array(TextRun).optional() }),
  z.object({
    kind: z.literal("list"),
    ordered: z.boolean(),
    items: z.array(z.object({ text: z.string(), depth: z.number().int() })),
  }),
  z.object({ kind: z.literal("table"), rows: z.array(z.array(z.string())) }),
  z.object({ kind: z.literal("note"), text: z.string() }),
]);
export const PlanTextView = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
      blocks: z.array(PlanBlock),
    }),
  ),
});

export const PlanSectionLinkView = z.object({
  sectionId: z.string(),
  targetType: z.enum(["point", "spiegelparagraaf"]),
  targetId: z.string(),
  targetTitle: z.string(),
});

export const PlanVersionDetail = PlanVersionSummary.extend({
  text: PlanTextView,
  links: z.array(PlanSectionLinkView),
  /** Whether the caller may start a point from sections of this version. */
  canUseAsBasis: z.boolean(),
  /** May append sections to the spiegelparagraaf (text.edit). */
  canUseInSpiegelparagraaf: z.boolean(),
});
export type PlanVersionDetail = z.infer<typeof PlanVersionDetail>;

export const PlanVersionList = z.object({
  planId: z.string(),
  /** Whether the caller may upload a version of this plan. */
  canImport: z.boolean(),
  versions: z.array(PlanVersionSummary),
});
export type PlanVersionList = z.infer<typeof PlanVersionList>;

export const PlanVersionChanges = z.object({
  previous: PlanVersionSummary.nullable(),
  /** Per section (shared/domain/textDiff.ts comparePlanTexts): its blocks compared like any text. */
  changes: z.array(
    z.object({
      status: z.enum(["added", "removed", "changed", "unchanged"]),
      sectionId: z.string().nullable(),
      previousSectionId: z.string().nullable(),
      number: z.string(),
      title: z.string(),
      previousTitle: z.string().optional(),
      blocks: z.array(BlockChangeView),
    }),
  ),
});
export type PlanVersionChanges = z.infer<typeof PlanVersionChanges>;

export const UseSectionsInput = z.object({
  sectionIds: z
    .array(SectionId)
    .min(1, "Kies ten minste één paragraaf")
    .max(50, "Kies hoogstens 50 paragrafen")
    .refine((ids) => new Set(ids).size === ids.length, "Een paragraaf staat er dubbel in"),
  theme: ThemeKey,
  title: freeText({ label: "de titel", max: 200, min: 3 }),
});
export type UseSectionsInput = z.infer<typeof UseSectionsInput>;

/** "Gebruik als basis" for the spiegelparagraaf: the chosen sections are appended to it. */
export const UseSectionsInSpiegelInput = UseSectionsInput.pick({ sectionIds: true });
export type UseSectionsInSpiegelInput = z.infer<typeof UseSectionsInSpiegelInput>;
