/** Typed calls for the tafel's outgoing mail (beheerder). */
import type { OutboxMailView, OutboxView } from "../../shared/schemas/outbox.ts";
import { api } from "./http.ts";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/outbox`;

export const outboxApi = {
  list: (workspaceId: string) => api.get<OutboxView>(base(workspaceId)),
  retry: (workspaceId: string, mailId: string) =>
    api.post<{ mail: OutboxMailView }>(`${base(workspaceId)}/${encodeURIComponent(mailId)}/retry`).then((r) => r.mail),
};
