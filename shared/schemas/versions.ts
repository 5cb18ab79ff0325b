import { z } from "zod";
import { DOCUMENT_VERSION_REASONS } from "../domain/documentVersions.ts";
import { Id } from "./common.ts";
import { freeText } from "./freeText.ts";

export const SaveVersionInput = z.object({
  document: z.string().max(200),
  name: freeText({ label: "de naam van de versie", max: 120, min: 2 }),
});
export type SaveVersionInput = z.input<typeof SaveVersionInput>;

export const VersionSummary = z.object({
  id: z.string(),
  document: z.string(),
  reason: z.enum(DOCUMENT_VERSION_REASONS),
  name: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionView = VersionSummary.extend({ json: z.unknown() });
export type VersionView = z.infer<typeof VersionView>;

const Part = z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() });
const Kind = z.enum(["heading", "paragraph", "listItem", "tableRow", "other"]);
export const BlockChangeView = z.discriminatedUnion("change", [
  z.object({ change: z.literal("same"), kind: Kind, text: z.string() }),
  z.object({ change: z.enum(["added", "removed"]), kind: Kind, text: z.string(), moved: z.boolean() }),
  z.object({ change: z.literal("changed"), kind: Kind, parts: z.array(Part) }),
]);

export const VersionComparison = z.object({
  from: VersionSummary,
  /** null: the current text. */
  to: VersionSummary.nullable(),
  changes: z.array(BlockChangeView),
});
export type VersionComparison = z.infer<typeof VersionComparison>;

/** What "Deze versie terugzetten" did: the version that now holds the restored text, and how many comment threads were placed again by their quote. */
export const RestoreOutcome = z.object({ version: VersionSummary, reanchored: z.number().int() });
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;

export const CompareQuery = z.object({ with: z.union([Id, z.literal("huidig")]).default("huidig") });
