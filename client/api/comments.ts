/** Typed calls for comments anchored in a text (issue 12). */
import type { CommentThreadView, CreateThreadInput, ReplyInput } from "../../shared/schemas/comments.ts";
import { api } from "./http.ts";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/comments`;
const thread = (id: string) => `/api/comments/${encodeURIComponent(id)}`;

export const commentsApi = {
  list: (workspaceId: string, document: string) =>
    api.get<{ threads: CommentThreadView[] }>(`${ws(workspaceId)}?document=${encodeURIComponent(document)}`),
  create: (workspaceId: string, input: CreateThreadInput) => api.post<CommentThreadView>(ws(workspaceId), input),
  reply: (threadId: string, input: ReplyInput) => api.post<CommentThreadView>(`${thread(threadId)}/replies`, input),
  resolve: (threadId: string) => api.post<CommentThreadView>(`${thread(threadId)}/resolve`),
  reopen: (threadId: string) => api.post<CommentThreadView>(`${thread(threadId)}/reopen`),
};
