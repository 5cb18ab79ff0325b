/**
 * The hash chain of a tafel's audit log. Shared so that anyone holding an export of the log
 * (the dossier's integrity appendix, a third-party tool) can recompute it the same way.
 */
import { canonicalJson, sha256Hex } from "./textHash.ts";

export const GENESIS_HASH = "0".repeat(64);

/** The fields an event hash covers: everything except the row id and the hash itself. */
export interface ChainedEventContent {
  workspaceId: string;
  seq: number;
  at: string;
  type: string;
  actorUserId: string | null;
  actorName: string;
  actorRole: string | null;
  actorPartyId: string | null;
  actorPartyName: string | null;
  entityType: string;
  entityId: string;
  fromStatus: string | null;
  toStatus: string | null;
  reasoning: string | null;
  textHash: string | null;
  /** Canonical JSON text of the event's extra data. */
  data: string;
  prevHash: string;
}

export function eventHash(e: ChainedEventContent): string {
  return sha256Hex(
    canonicalJson({
      workspaceId: e.workspaceId,
      seq: e.seq,
      at: e.at,
      type: e.type,
      actorUserId: e.actorUserId,
      actorName: e.actorName,
      actorRole: e.actorRole,
      actorPartyId: e.actorPartyId,
      actorPartyName: e.actorPartyName,
      entityType: e.entityType,
      entityId: e.entityId,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reasoning: e.reasoning,
      textHash: e.textHash,
      data: e.data,
      prevHash: e.prevHash,
    }),
  );
}

/** What is wrong with one event of a chain. */
export type ChainProblem =
  /** The event's content no longer gives its stored hash: it was changed after it was written. */
  | "hash_mismatch"
  /** The event does not point to the hash of the event before it: an event before it was removed, changed or inserted. */
  | "broken_link"
  /** The event's number is not the next one: events were removed or put in between. */
  | "out_of_sequence";

export interface ChainBreak {
  seq: number;
  /** Row id, where the caller has one (the stored log has; an exported list may not). */
  id?: number;
  type: string;
  at: string;
  problems: ChainProblem[];
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  /** seq of the first event whose hash or link does not hold; null when valid (= breaks[0].seq). */
  firstBrokenAt: number | null;
  /** Every event whose hash, link or number does not hold, in log order. */
  breaks: ChainBreak[];
  /** Hash of the last event: the value the dossier prints so a receiver can check it. */
  headHash: string;
  /** Time of the last event; null for an empty log. */
  headAt: string | null;
}

/**
 * Recomputes a chain given its events in seq order and reports every event that does not hold,
 * not only the first: one damaged event must not hide a later one. Each event is checked
 * against the stored hash of the one before it, so one changed event is reported once (its
 * content) rather than making everything after it look broken.
 */
export function verifyChain(events: ReadonlyArray<ChainedEventContent & { hash: string; id?: number }>): ChainVerdict {
  const breaks: ChainBreak[] = [];
  let prev = GENESIS_HASH;
  let prevSeq = 0;
  for (const e of events) {
    const problems: ChainProblem[] = [];
    // Against the previous row, not the position: one gap is one break, not every event after it.
    if (e.seq !== prevSeq + 1) problems.push("out_of_sequence");
    if (e.prevHash !== prev) problems.push("broken_link");
    if (eventHash(e) !== e.hash) problems.push("hash_mismatch");
    if (problems.length)
      breaks.push({ seq: e.seq, ...(e.id !== undefined ? { id: e.id } : {}), type: e.type, at: e.at, problems });
    prev = e.hash;
    prevSeq = e.seq;
  }
  const last = events.at(-1);
  return {
    valid: breaks.length === 0,
    events: events.length,
    firstBrokenAt: breaks[0]?.seq ?? null,
    breaks,
    headHash: last?.hash ?? GENESIS_HASH,
    headAt: last?.at ?? null,
  };
}
