/**
 * createLiveResource — the one idiom for data a page shows that others can change:
 * createResource plus the tafel's live event stream (WorkspaceContext → createLiveEvents).
 *
 *   const [meetings, { refetch, mutate }] = createLiveResource(() => ws.id(), meetingsApi.list, { entities: ["meeting"] });
 *   const [point] = createLiveResource(() => params.pointId, pointsApi.get, { entities: [{ entity: "point", id: () => params.pointId }] });
 *   <Loaded when={meetings}>{(list) => …list()…}</Loaded>
 *
 * It refetches when the stream reports a change to one of `entities` (an entity name matches
 * itself and its dotted sub-entities: "point" matches "point.stance"; `{entity, id}` only that one
 * record), and after the stream reconnects (events may have been missed). Each refetch is
 * reconciled into the previous value (array items matched by `id`), so a live update changes only
 * what changed: rows keep their DOM nodes and a keyboard user keeps focus and half-typed input.
 * Must be called under a WorkspaceProvider.
 */
import { createResource, onCleanup, type ResourceReturn, type Signal } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { concerns, type LiveTopic } from "./liveTopics.ts";
import { useWorkspace } from "../features/workspace/WorkspaceContext.tsx";

export interface LiveOptions {
  entities: readonly LiveTopic[];
}

/** Resource storage that reconciles each new value into the previous one (see above). */
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

export function createLiveResource<S, T>(
  source: () => S | false | null | undefined,
  fetcher: (s: S) => Promise<T>,
  live: LiveOptions,
): ResourceReturn<T> {
  const ws = useWorkspace();
  const resource = createResource(source, fetcher, { storage: createDeepSignal });
  const { refetch } = resource[1];
  onCleanup(
    ws.onLive((e) => {
      if (e.type === "reconnected" || concerns(e, live.entities)) void refetch();
    }),
  );
  return resource;
}
