/** Creating and keeping tafels (ADR 0010): the applicatiebeheerder's /beheer and the "Tafel instellen" page. */
import type {
  AddPlanInput,
  AddThemeInput,
  ChangePartyInput,
  ChangeThemeInput,
  CreateTafelInput,
  CreateTafelResult,
  InstanceTafelView,
  NextPeriodInput,
  NextPeriodResult,
  PartyInput,
  UpdatePlanInput,
  UpdateTafelInput,
} from "../../shared/schemas/tafel.ts";
import type { WorkspaceView } from "../../shared/schemas/workspace.ts";
import { api } from "./http.ts";

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

export const beheerApi = {
  tafels: () => api.get<{ tafels: InstanceTafelView[] }>("/api/beheer/tafels").then((r) => r.tafels),
  createTafel: (input: CreateTafelInput) => api.post<CreateTafelResult>("/api/beheer/tafels", input),
};

export const tafelApi = {
  update: (id: string, input: UpdateTafelInput) => api.patch<WorkspaceView>(`${ws(id)}/settings`, input),
  addParty: (id: string, input: PartyInput) => api.post<WorkspaceView>(`${ws(id)}/parties`, input),
  changeParty: (id: string, partyId: string, input: ChangePartyInput) =>
    api.patch<WorkspaceView>(`${ws(id)}/parties/${encodeURIComponent(partyId)}`, input),
  removeParty: (id: string, partyId: string) =>
    api.delete<WorkspaceView>(`${ws(id)}/parties/${encodeURIComponent(partyId)}`),
  addPlan: (id: string, input: AddPlanInput) => api.post<WorkspaceView>(`${ws(id)}/plans`, input),
  updatePlan: (id: string, planId: string, input: UpdatePlanInput) =>
    api.patch<WorkspaceView>(`${ws(id)}/plans/${encodeURIComponent(planId)}`, input),
  addTheme: (id: string, input: AddThemeInput) => api.post<WorkspaceView>(`${ws(id)}/themes`, input),
  changeTheme: (id: string, key: string, input: ChangeThemeInput) =>
    api.patch<WorkspaceView>(`${ws(id)}/themes/${encodeURIComponent(key)}`, input),
  reorderThemes: (id: string, keys: string[]) => api.put<WorkspaceView>(`${ws(id)}/themes/order`, { keys }),
  nextPeriod: (id: string, input: NextPeriodInput) => api.post<NextPeriodResult>(`${ws(id)}/next-period`, input),
};

export const accountApi = {
  /** Chooses a password through a one-time link (`/wachtwoord#…`); logs in. */
  setPassword: (token: string, password: string) =>
    api.post<{ user: { id: string; name: string; email: string } }>("/api/auth/password-link", { token, password }),
};
