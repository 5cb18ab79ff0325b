/** Typed calls for versions of a document (issue 12). */
import type {
  RestoreOutcome,
  SaveVersionInput,
  VersionComparison,
  VersionSummary,
  VersionView,
} from "../../shared/schemas/versions.ts";
import { api } from "./http.ts";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/versions`;
const one = (id: string) => `/api/versions/${encodeURIComponent(id)}`;

export const versionsApi = {
  list: (workspaceId: string, document: string) =>
    api
      .get<{ versions: VersionSummary[] }>(`${ws(workspaceId)}?document=${encodeURIComponent(document)}`)
      .then((r) => r.versions),
  save: (workspaceId: string, input: SaveVersionInput) => api.post<VersionSummary>(ws(workspaceId), input),
  get: (id: string) => api.get<VersionView>(one(id)),
  /** `other`: a later version's id, or "huidig" for the current text. */
  compare: (id: string, other: string) =>
    api.get<VersionComparison>(`${one(id)}/compare?with=${encodeURIComponent(other)}`),
  /** Makes the document's text this version's again, as a new edit. */
  restore: (id: string) => api.post<RestoreOutcome>(`${one(id)}/restore`, {}),
};
