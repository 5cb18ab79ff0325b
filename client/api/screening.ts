/** The screening of a plan version (issue 14): read it, give the party's score, make a bespreekpunt. */
import type { BespreekpuntView } from "../../shared/schemas/bespreekpunten.ts";
import type {
  PlanScreeningView,
  ScreeningOpinionView,
  SetScreeningOpinionInput,
} from "../../shared/schemas/screening.ts";
import { api } from "./http.ts";

const base = (workspaceId: string, versionId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/screening/${encodeURIComponent(versionId)}`;

export const screeningApi = {
  get: (workspaceId: string, versionId: string) => api.get<PlanScreeningView>(base(workspaceId, versionId)),
  setOpinion: (workspaceId: string, versionId: string, themeKey: string, input: SetScreeningOpinionInput) =>
    api.put<{ opinions: ScreeningOpinionView[] }>(
      `${base(workspaceId, versionId)}/opinions/${encodeURIComponent(themeKey)}`,
      input,
    ),
  makeBespreekpunt: (workspaceId: string, versionId: string, themeKey: string) =>
    api.post<{ bespreekpunt: BespreekpuntView }>(
      `${base(workspaceId, versionId)}/themes/${encodeURIComponent(themeKey)}/bespreekpunt`,
    ),
};
