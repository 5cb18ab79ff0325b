/** Typed calls for invitations beyond the single form: resend, many at once from a CSV, and opening a link. */
import type { BulkInviteResult, InvitationGreeting, InvitationPreview } from "../../shared/schemas/invitations.ts";
import type { InvitationView } from "../../shared/schemas/workspace.ts";
import { api } from "./http.ts";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/invitations`;

export const invitationApi = {
  /** Every row of the CSV with its problems; writes nothing. */
  preview: (workspaceId: string, csv: string) => api.post<InvitationPreview>(`${base(workspaceId)}/preview`, { csv }),
  /** All rows or none (400 naming the lines). */
  bulk: (workspaceId: string, csv: string) =>
    api.post<BulkInviteResult>(`${base(workspaceId)}/bulk`, { csv }).then((r) => r.invitations),
  /** A new link and a new mail; the old link stops working. */
  resend: (workspaceId: string, invitationId: string) =>
    api
      .post<{ invitation: InvitationView }>(`${base(workspaceId)}/${encodeURIComponent(invitationId)}/resend`)
      .then((r) => r.invitation),
  /** The invitation page opened a link: who invites, for which tafel (and the inviter sees "geopend"). */
  open: (token: string) => api.post<InvitationGreeting>("/api/auth/invitation/open", { token }),
};
