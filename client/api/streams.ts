/** Addresses of the two endpoints that are not REST calls: the live event stream and the sync socket. */

/** The tafel's live event stream (Server-Sent Events, see server/routes/events.ts). */
export const liveEventsUrl = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/events`;

/** The y-websocket sync endpoint on the page's own host (docs/sync-protocol.md). */
export function syncServerUrl(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/sync`;
}
