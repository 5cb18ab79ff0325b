/** Typed calls for the bespreekpunten of a tafel (issue 14). */
import type {
  AgendeerInput,
  BespreekpuntenList,
  BespreekpuntView,
  CreateBespreekpuntInput,
  MakePointInput,
  UpdateBespreekpuntInput,
} from "../../shared/schemas/bespreekpunten.ts";
import type { PointDetail } from "../../shared/schemas/points.ts";
import { api } from "./http.ts";

const one = (id: string) => `/api/bespreekpunten/${encodeURIComponent(id)}`;

export const bespreekpuntenApi = {
  list: (workspaceId: string) =>
    api.get<BespreekpuntenList>(`/api/workspaces/${encodeURIComponent(workspaceId)}/bespreekpunten`),
  create: (workspaceId: string, input: CreateBespreekpuntInput) =>
    api.post<BespreekpuntView>(`/api/workspaces/${encodeURIComponent(workspaceId)}/bespreekpunten`, input),
  update: (id: string, input: UpdateBespreekpuntInput) => api.patch<BespreekpuntView>(one(id), input),
  /** "Maak overeenstemmingspunt": theme and title default to the bespreekpunt's. */
  makePoint: (id: string, input: MakePointInput) => api.post<PointDetail>(`${one(id)}/point`, input),
  agendeer: (id: string, input: AgendeerInput) => api.post<BespreekpuntView>(`${one(id)}/agenda`, input),
};
