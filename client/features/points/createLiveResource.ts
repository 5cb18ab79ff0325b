import { createResource, onCleanup, type Signal } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import type { LiveEvent } from "../../live/createLiveEvents.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

/**
 * Resource storage that reconciles each refetch into the previous value (matching array items
 * by `id`), so a live update changes only what changed: rows keep their DOM nodes and a
 * keyboard user keeps focus and any half-typed input.
 */
function createDeepSignal<T>(value: T | undefined): Signal<T | undefined> {
  const [store, setStore] = createStore<{ value: T | undefined }>({ value });
  const read = () => store.value;
  const write = (next: unknown) => {
    const v = typeof next === "function" ? (next as (prev: T | undefined) => T)(unwrap(store.value)) : (next as T);
    setStore("value", reconcile(v, { key: "id", merge: false }) as never);
    return store.value;
  };
  return [read, write] as Signal<T | undefined>;
}

/**
 * A resource that refetches when the tafel's live stream reports a change it cares about
 * (and after a reconnect, when events may have been missed).
 */
export function createLiveResource<S, T>(source: () => S | false | null | undefined, fetcher: (s: S) => Promise<T>, relevant: (e: LiveEvent) => boolean) {
  const ws = useWorkspace();
  const [data, { refetch }] = createResource(source, fetcher, { storage: createDeepSignal });
  onCleanup(ws.onLive((e) => {
    if (e.type === "reconnected" || relevant(e)) void refetch();
  }));
  return [data, refetch] as const;
}

/** Live events that concern overeenstemmingspunten (statuses, stances, signatures, texts). */
export const isPointEvent = (e: LiveEvent) => e.entity === "point" || e.entity === "points" || e.entity.startsWith("point.");
