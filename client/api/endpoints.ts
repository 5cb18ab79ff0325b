/** Typed calls for the foundation endpoints. Feature folders add their own files next to this one. */
import type {
  AcceptInvitationResult,
  AccountView,
  ChangePasswordInput,
  MeView,
  UpdateAccountInput,
} from "../../shared/schemas/auth.ts";
import type {
  MembersView,
  WorkspaceSummary,
  WorkspaceView,
  InviteMemberInput,
  InviteResult,
  ChangeMemberInput,
} from "../../shared/schemas/workspace.ts";
import type { LogVerdictView } from "../../shared/schemas/log.ts";
import { api } from "./http.ts";

export const authApi = {
  login: (email: string, password: string) =>
    api.post<{ user: { id: string; name: string; email: string } }>("/api/auth/login", { email, password }),
  logout: () => api.post<{ ok: true }>("/api/auth/logout"),
  me: () => api.get<MeView>("/api/me"),
  /** Without password: accept as the logged-in account. With one: choose the first password of a new account. */
  acceptInvitation: (token: string, password?: string) =>
    api.post<AcceptInvitationResult>("/api/auth/invitation", password === undefined ? { token } : { token, password }),
  /** "Wachtwoord vergeten": always the same neutral answer. */
  requestPasswordReset: (email: string) =>
    api.post<{ ok: true; message: string }>("/api/auth/password-reset", { email }),
};

/** "Mijn account": the signed-in person's own account. */
export const myAccountApi = {
  get: () => api.get<AccountView>("/api/account"),
  update: (input: UpdateAccountInput) => api.patch<AccountView>("/api/account", input),
  changePassword: (input: ChangePasswordInput) =>
    api.post<{ ok: true; endedSessions: number }>("/api/account/password", input),
  signOutEverywhere: () => api.post<{ ok: true; endedSessions: number }>("/api/account/sign-out-everywhere"),
};

export const workspaceApi = {
  list: () => api.get<{ workspaces: WorkspaceSummary[] }>("/api/workspaces").then((r) => r.workspaces),
  get: (id: string) => api.get<WorkspaceView>(`/api/workspaces/${encodeURIComponent(id)}`),
  /** Members, and for a beheerder the open invitations. */
  members: (id: string) => api.get<MembersView>(`/api/workspaces/${encodeURIComponent(id)}/members`),
  invite: (id: string, input: InviteMemberInput) =>
    api.post<InviteResult>(`/api/workspaces/${encodeURIComponent(id)}/members`, input),
  withdrawInvitation: (id: string, invitationId: string) =>
    api.delete<{ ok: true }>(
      `/api/workspaces/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitationId)}`,
    ),
  changeMember: (id: string, memberId: string, input: ChangeMemberInput) =>
    api.patch<{ ok: true }>(`/api/workspaces/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`, input),
  revokeMember: (id: string, memberId: string) =>
    api.delete<{ ok: true }>(`/api/workspaces/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`),
  /** Recomputes the log; with a kept head also whether the log still extends it. */
  verifyLog: (id: string, kept?: { count: number; head: string }) =>
    api.get<LogVerdictView>(
      `/api/workspaces/${encodeURIComponent(id)}/log/verify${kept ? `?count=${kept.count}&head=${encodeURIComponent(kept.head)}` : ""}`,
    ),
};
