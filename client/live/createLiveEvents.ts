import { createEffect, createMemo, onCleanup } from "solid-js";
import { liveEventsUrl } from "../api/streams.ts";

/** One change at a tafel, as the server's event stream sends it (see server/routes/events.ts). */
export interface LiveEvent {
  entity: string;
  entityId: string;
  type: string;
}

/**
 * Subscribes to the tafel's live event stream (Server-Sent Events) for the lifetime of the
 * calling component, while `workspaceId()` is not null (null: this member may not read the
 * stream). EventSource reconnects by itself; `onReconnect` lets callers refetch what they may
 * have missed while disconnected.
 */
export function createLiveEvents(
  workspaceId: () => string | null,
  onEvent: (e: LiveEvent) => void,
  onReconnect?: () => void,
) {
  let source: EventSource | undefined;
  let wasOpen = false;
  const open = (id: string) => {
    source?.close();
    wasOpen = false;
    source = new EventSource(liveEventsUrl(id), { withCredentials: true });
    source.addEventListener("change", (msg) => {
      try {
        onEvent(JSON.parse((msg as MessageEvent<string>).data) as LiveEvent);
      } catch {
        /* a malformed event is ignored; the next refetch corrects the view */
      }
    });
    source.addEventListener("open", () => {
      if (wasOpen) onReconnect?.();
      wasOpen = true;
    });
  };
  // A memo, so a refetched tafel with the same id does not reopen the stream.
  const target = createMemo(workspaceId);
  createEffect(() => {
    const id = target();
    if (id) open(id);
    else {
      source?.close();
      source = undefined;
    }
  });
  onCleanup(() => source?.close());
}
