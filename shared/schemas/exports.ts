import { z } from "zod";
import { DOSSIER_ROUTES, EXPORT_FORMATS, MAX_DOSSIER_POINTS } from "../domain/dossier.ts";
import { Id } from "./common.ts";

export const BuildDossierInput = z
  .object({
    pointIds: z
      .array(Id)
      .min(1, "Kies ten minste één punt in geschil")
      .max(MAX_DOSSIER_POINTS, `Hoogstens ${MAX_DOSSIER_POINTS} punten per dossier`)
      .refine((ids) => new Set(ids).size === ids.length, "Elk punt mag maar één keer voorkomen"),
    route: z.enum(DOSSIER_ROUTES, { message: "Kies advies, bindend_advies of arbitrage" }),
  })
  .strict();
export type BuildDossierInput = z.infer<typeof BuildDossierInput>;

export const ExportFormatQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { message: "Kies pdf of docx" }).default("pdf"),
});
export type ExportFormatQuery = z.infer<typeof ExportFormatQuery>;

/** Issue 12: the spiegelparagraaf as a document; `sinds` asks for the changes since a kept version. */
export const SpiegelExportQuery = ExportFormatQuery.extend({ sinds: Id.optional() });
export type SpiegelExportQuery = z.infer<typeof SpiegelExportQuery>;
