import type { LiveEvent } from "./createLiveEvents.ts";

/** What a live resource listens to: an entity name ("meeting"), or one record of it. */
export type LiveTopic = string | { entity: string; id: () => string | undefined };

/**
 * True when `e` concerns one of `topics`. An entity name matches itself and its dotted
 * sub-entities ("point" matches "point.stance", not "points"); `{entity, id}` only that record.
 */
export function concerns(e: LiveEvent, topics: readonly LiveTopic[]): boolean {
  const matches = (entity: string) => e.entity === entity || e.entity.startsWith(`${entity}.`);
  return topics.some((t) => (typeof t === "string" ? matches(t) : matches(t.entity) && e.entityId === t.id()));
}
