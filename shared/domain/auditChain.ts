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
      workspaceId: e.workspaceId, seq: e.seq, at: e.at, type: e.type,
      actorUserId: e.actorUserId, actorName: e.actorName, actorRole: e.actorRole,
      actorPartyId: e.actorPartyId, actorPartyName: e.actorPartyName,
      entityType: e.entityType, entityId: e.entityId,
      fromStatus: e.fromStatus, toStatus: e.toStatus, reasoning: e.reasoning,
      textHash: e.textHash, data: e.data, prevHash: e.prevHash,
    }),
  );
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  /** seq of the first event whose hash or link does not hold; null when valid. */
  firstBrokenAt: number | null;
  /** Hash of the last event: the value the dossier prints so a receiver can check it. */
  headHash: string;
}

/** Recomputes a chain given its events in seq order. */
export function verifyChain(events: ReadonlyArray<ChainedEventContent & { hash: string }>): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i + 1 || e.prevHash !== prev || eventHash(e) !== e.hash) {
      return { valid: false, events: events.length, firstBrokenAt: e.seq, headHash: events.at(-1)!.hash };
    }
    prev = e.hash;
  }
  return { valid: true, events: events.length, firstBrokenAt: null, headHash: prev };
}
