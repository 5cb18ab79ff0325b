/** The tafel's Overzicht for the person looking (issue 13). */
import type { DashboardView } from "../../shared/schemas/dashboard.ts";
import { api } from "./http.ts";

export const dashboardApi = {
  get: (workspaceId: string) => api.get<DashboardView>(`/api/workspaces/${encodeURIComponent(workspaceId)}/dashboard`),
};
