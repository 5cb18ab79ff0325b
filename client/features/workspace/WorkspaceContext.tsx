import { createContext, createResource, useContext, type ParentProps, type Resource } from "solid-js";
import { workspaceApi } from "../../api/endpoints.ts";
import type { WorkspaceView } from "../../../shared/schemas/workspace.ts";
import type { Capability } from "../../../shared/domain/roles.ts";
import { createLiveEvents, type LiveEvent } from "../../live/createLiveEvents.ts";
import { inboxChanged } from "../notifications/unread.ts";

interface WorkspaceValue {
  id: () => string;
  workspace: Resource<WorkspaceView>;
  refetch(): void;
  /** Mirrors the server's roles table for enabling controls; the server still decides. */
  can(capability: Capability): boolean;
  /** Subscribe to live changes at this tafel; returns an unsubscribe function. */
  onLive(listener: (e: LiveEvent) => void): () => void;
}

const WorkspaceContext = createContext<WorkspaceValue>();

/** Loads one tafel and shares it, plus its live event stream, with every page below it. */
export function WorkspaceProvider(props: ParentProps<{ id: string }>) {
  const [workspace, { refetch }] = createResource(() => props.id, workspaceApi.get);
  const listeners = new Set<(e: LiveEvent) => void>();
  const can = (capability: Capability) => workspace()?.capabilities.includes(capability) ?? false;
  // The stream is content (ADR 0005): a beheerder does not open it, and pages refetch after their own actions.
  createLiveEvents(
    () => (can("content.read") ? props.id : null),
    (e) => {
      if (e.entity === "members") void refetch(); // my own role may have changed
      if (e.entity === "notification") inboxChanged(); // only my own notices reach my stream
      listeners.forEach((fn) => fn(e));
    },
    () => listeners.forEach((fn) => fn({ entity: "*", entityId: "*", type: "reconnected" })),
  );
  const value: WorkspaceValue = {
    id: () => props.id,
    workspace,
    refetch: () => void refetch(),
    can,
    onLive(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return <WorkspaceContext.Provider value={value}>{props.children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace outside WorkspaceProvider");
  return value;
}
