/**
 * Comments anchored in a text (issue 12): who may see a thread, and whom it is aimed at. The
 * threads are rows beside the prose, never inside the Yjs document (ADR 0012), so these rules
 * are the whole of a comment's visibility: the API, the live stream and every export apply them.
 */

/** "alle partijen" or "alleen mijn partij" — a party's internal note. */
export const COMMENT_VISIBILITIES = ["alle", "partij"] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const VISIBILITY_LABELS: Record<CommentVisibility, string> = {
  alle: "Alle partijen",
  partij: "Alleen mijn partij",
};

export const THREAD_STATUSES = ["open", "opgelost"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const COMMENT_LIMITS = {
  body: 4000,
  quote: 1000,
  /** An encoded Yjs relative position is a few dozen bytes; this leaves room, refuses payloads. */
  anchorBytes: 256,
  mentions: 50,
} as const;

/** The parts of a thread and a member that visibility depends on. */
export interface ThreadAudience {
  visibility: CommentVisibility;
  /** The author's party; for an internal note the party that owns it. */
  partyId: string | null;
}

/** An internal note is seen only by members of its party; everything else by every reader. */
export function threadVisibleTo(thread: ThreadAudience, memberPartyId: string | null): boolean {
  return thread.visibility === "alle" || (thread.partyId !== null && thread.partyId === memberPartyId);
}

export interface Mentions {
  userIds: string[];
  partyIds: string[];
}

/** "Aan mij gericht": a message of the thread names me, or my party. */
export function aimedAt(mentions: readonly Mentions[], userId: string, partyId: string | null): boolean {
  return mentions.some((m) => m.userIds.includes(userId) || (partyId !== null && m.partyIds.includes(partyId)));
}
