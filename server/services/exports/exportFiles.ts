import type { ExportFormat } from "../../../shared/domain/dossier.ts";
import type { DocModel } from "./docModel.ts";
import { renderDocx } from "./renderDocx.ts";
import { renderPdf } from "./pdf/renderPdf.ts";

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
  /** SHA-256 of the document's content (the model), equal for PDF and DOCX. */
  contentHash: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** "OOGO ondersteuningsplan 2023–2027" → "oogo-ondersteuningsplan-2023-2027". */
export function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "tafel"
  );
}

export async function renderModel(model: DocModel, format: ExportFormat): Promise<Buffer> {
  return format === "pdf" ? renderPdf(model) : renderDocx(model);
}
