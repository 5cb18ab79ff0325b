/**
 * The unread count in the header, shared by the shell and the inbox. Refreshed when the route
 * changes, when a tafel's live stream says this person's inbox changed, and after marking read.
 */
import { createSignal } from "solid-js";
import { notificationsApi } from "../../api/notifications.ts";

const [unread, setUnread] = createSignal<number | null>(null);
const listeners = new Set<() => void>();

export { unread };

export function setUnreadCount(count: number): void {
  setUnread(count);
}

export async function refreshUnread(): Promise<void> {
  try {
    setUnread((await notificationsApi.unread()).unread);
  } catch {
    /* not signed in, or offline: keep what is shown */
  }
}

/** The live stream said the inbox changed: refresh the count and any open inbox. */
export function inboxChanged(): void {
  void refreshUnread();
  listeners.forEach((fn) => fn());
}

export function onInboxChanged(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
