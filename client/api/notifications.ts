/** Typed calls for notifications: the inbox, the choices per kind, unsubscribing from a mail. */
import type {
  InboxView,
  MarkReadInput,
  NotificationPreferenceView,
  SetNotificationPreferencesInput,
  UnreadCountView,
  UnsubscribeView,
} from "../../shared/schemas/notifications.ts";
import { api } from "./http.ts";

export const notificationsApi = {
  list: (workspaceId?: string) =>
    api.get<InboxView>(`/api/notifications${workspaceId ? `?workspaceId=${encodeURIComponent(workspaceId)}` : ""}`),
  unread: () => api.get<UnreadCountView>("/api/notifications/unread"),
  markRead: (input: MarkReadInput) => api.post<UnreadCountView>("/api/notifications/read", input),
  preferences: () =>
    api.get<{ preferences: NotificationPreferenceView[] }>("/api/notifications/preferences").then((r) => r.preferences),
  setPreferences: (input: SetNotificationPreferencesInput) =>
    api
      .put<{ preferences: NotificationPreferenceView[] }>("/api/notifications/preferences", input)
      .then((r) => r.preferences),
  /** What an unsubscribe link stops (changes nothing). */
  describeUnsubscribe: (token: string) =>
    api.get<UnsubscribeView>(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`),
  unsubscribe: (token: string) =>
    api.post<UnsubscribeView>(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`),
};
