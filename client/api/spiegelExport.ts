/** Issue 12: the spiegelparagraaf as a document (DOCX/PDF), optionally with the changes since a kept version. */
import type { ExportFormat } from "../../shared/domain/dossier.ts";
import { download } from "./http.ts";

export const spiegelExportApi = {
  download: (workspaceId: string, format: ExportFormat, sinceVersionId?: string) =>
    download(
      "GET",
      `/api/workspaces/${encodeURIComponent(workspaceId)}/spiegelparagraaf/export?format=${format}${
        sinceVersionId ? `&sinds=${encodeURIComponent(sinceVersionId)}` : ""
      }`,
      undefined,
      `spiegelparagraaf.${format}`,
    ),
};
