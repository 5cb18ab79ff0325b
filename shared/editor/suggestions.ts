/**
 * Suggestions (track changes, issue 12): insertions and deletions kept as marks
 * (@handlewithcare/prosemirror-suggest-changes) until someone accepts or rejects them.
 *
 * The library gives each mark only an `id`. Ours carries the author in that id, so every copy of
 * a mark (Yjs stores marks as formatting attributes on the text) says who proposed it, for which
 * party and when — and the sync server can check, from the update alone, that a new mark carries
 * the sender's own identity (ADR 0016). Pure functions only: client, server and tests share them.
 */

/** Mark names of the library; Yjs stores them under these attribute keys. */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
export type SuggestionMark = (typeof SUGGESTION_MARKS)[number];
export const isSuggestionMark = (name: unknown): name is SuggestionMark =>
  name === "insertion" || name === "deletion" || name === "modification";

/** The zero-width space the library uses to anchor a suggestion at a block boundary. */
export const ANCHOR = "\u200B";

/** Who proposed a suggestion, as the server knows them when the mark arrives. */
export interface SuggestionAuthor {
  userId: string;
  name: string;
  partyId: string;
  /** Party (short) name; "" for a member without a party. */
  partyName: string;
  /** The party's colour (shared/domain/parties.ts). */
  color: string;
}

export interface SuggestionId extends SuggestionAuthor {
  /** Unique part (uuid). */
  key: string;
  /** When it was proposed (ms since epoch, as the proposer's device said; never far ahead of the server). */
  at: number;
}

const VERSION = "v1";
const SEP = "|";

/** The mark id: version, uuid, author fields (URI-encoded, so the separator never occurs inside). */
export function encodeSuggestionId(key: string, author: SuggestionAuthor, at: number): string {
  return [
    VERSION,
    key,
    author.userId,
    author.partyId,
    String(Math.floor(at)),
    author.name,
    author.partyName,
    author.color,
  ]
    .map(encodeURIComponent)
    .join(SEP);
}

/** Null for anything that is not an id of ours (a number from the library's default, a foreign string). */
export function parseSuggestionId(id: unknown): SuggestionId | null {
  if (typeof id !== "string" || id.length > 2000) return null;
  const parts = id.split(SEP);
  if (parts.length !== 8) return null;
  let fields: string[];
  try {
    fields = parts.map(decodeURIComponent);
  } catch {
    return null;
  }
  const [version, key, userId, partyId, at, name, partyName, color] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== VERSION || !key || !userId || !/^\d{1,15}$/.test(at)) return null;
  return { key, userId, partyId, at: Number(at), name, partyName, color };
}

/**
 * How far ahead of the server's clock a new suggestion's time may be (ADR 0016). Devices drift a
 * little; a proposal dated further ahead would sort after, and read as made after, what followed
 * it. Earlier times stay allowed: work done offline syncs later with the time it was made.
 */
export const SUGGESTION_CLOCK_SKEW_MS = 5 * 60_000;

/** Whether a suggestion's time lies too far ahead of `serverNow` (ms) to be accepted as new. */
export const suggestionFromFuture = (at: number, serverNow: number): boolean =>
  at > serverNow + SUGGESTION_CLOCK_SKEW_MS;

/**
 * How far the server's clock is ahead of this device's (ms; negative when behind), from an answer
 * carrying the server's time: taken as read halfway between sending and receiving. The editor
 * dates suggestions by device time plus this, so a fast device clock does not get them refused.
 */
export const clockOffset = (serverTime: number, sentAt: number, receivedAt: number): number =>
  Math.round(serverTime - (sentAt + receivedAt) / 2);

/** Same person and party as the server knows them (name and colour too: they are shown as-is). */
export function sameAuthor(a: SuggestionAuthor, b: SuggestionAuthor): boolean {
  return (
    a.userId === b.userId &&
    a.partyId === b.partyId &&
    a.name === b.name &&
    a.partyName === b.partyName &&
    a.color === b.color
  );
}

// ---------------------------------------------------------------------------------------------
// ProseMirror JSON (what the server reads from the durable Yjs state and hashes)

interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

const isNode = (v: unknown): v is PmNode =>
  typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";

function suggestionMarkOf(node: PmNode, kind: SuggestionMark): { id: unknown } | null {
  const mark = node.marks?.find((m) => m.type === kind);
  return mark ? { id: mark.attrs?.id } : null;
}

export interface OpenSuggestion {
  id: string;
  kind: "insertion" | "deletion" | "modification";
  /** Parsed author; null for a mark without one of our ids (shown as "onbekend"). */
  author: SuggestionId | null;
  /** The proposed or struck text, anchors removed. */
  text: string;
}

/** Every open suggestion in a document, in document order, one entry per id and kind. */
export function listSuggestions(doc: unknown): OpenSuggestion[] {
  const found = new Map<string, OpenSuggestion>();
  const visit = (node: PmNode) => {
    for (const kind of SUGGESTION_MARKS) {
      const mark = suggestionMarkOf(node, kind);
      if (!mark) continue;
      const id = String(mark.id);
      const key = `${kind}:${id}`;
      const entry = found.get(key) ?? { id, kind, author: parseSuggestionId(mark.id), text: "" };
      found.set(key, entry);
      if (typeof node.text === "string") entry.text += node.text.replaceAll(ANCHOR, "");
    }
    for (const child of node.content ?? []) if (isNode(child)) visit(child);
  };
  if (isNode(doc)) visit(doc);
  return [...found.values()];
}

/** "“eerste woorden…”": a short quote for messages and lists. */
export function quoteOf(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/**
 * The document as it would be if every pending suggestion were rejected: inserted content
 * removed (and a block split that an insertion made joined again), deletion marks dropped with
 * their anchors. The canonical text hash is of this (docs/sync-protocol.md): proposals do not
 * change the text the parties agree to or sign. A document without suggestions comes back
 * unchanged (same JSON).
 */
export function withoutPendingSuggestions(doc: unknown): unknown {
  if (!isNode(doc) || !hasSuggestion(doc)) return doc;
  return revertNode(doc) ?? { type: doc.type };
}

function hasSuggestion(node: PmNode): boolean {
  if (node.marks?.some((m) => isSuggestionMark(m.type))) return true;
  return (node.content ?? []).some((c) => isNode(c) && hasSuggestion(c));
}

const withoutSuggestionMarks = (marks: PmNode["marks"]) => {
  const kept = (marks ?? []).filter((m) => !isSuggestionMark(m.type));
  return kept.length > 0 ? kept : undefined;
};

/** The node with suggestions reverted; null when the whole node was an insertion. */
function revertNode(node: PmNode): PmNode | null {
  if (suggestionMarkOf(node, "insertion")) return null;
  if (typeof node.text === "string") {
    const deleted = !!suggestionMarkOf(node, "deletion");
    const text = deleted ? node.text.replaceAll(ANCHOR, "") : node.text;
    if (!text) return null;
    const out: PmNode = { ...node, text };
    const marks = withoutSuggestionMarks(node.marks);
    if (marks) out.marks = marks;
    else delete out.marks;
    return out;
  }
  const out: PmNode = { ...node };
  const marks = withoutSuggestionMarks(node.marks);
  if (marks) out.marks = marks;
  else delete out.marks;
  if (!node.content) return out;
  const children: PmNode[] = [];
  // A block the suggestion split ends and the next starts with an inserted anchor: join them again.
  let joinNext = false;
  for (const child of node.content) {
    if (!isNode(child)) continue;
    const startsInserted = firstLeafInserted(child);
    const reverted = revertNode(child);
    const endsInserted = lastLeafInserted(child);
    if (joinNext && startsInserted && reverted && children.length > 0) {
      const previous = children[children.length - 1]!;
      previous.content = mergeTextNodes([...(previous.content ?? []), ...(reverted.content ?? [])]);
      if (previous.content.length === 0) delete previous.content;
    } else if (reverted) {
      children.push(reverted);
    }
    joinNext = endsInserted && reverted !== null;
  }
  if (children.length > 0) out.content = mergeTextNodes(children);
  else delete out.content;
  return out;
}

function firstLeafInserted(node: PmNode): boolean {
  if (typeof node.text === "string") return !!suggestionMarkOf(node, "insertion");
  const first = node.content?.find(isNode);
  return first ? firstLeafInserted(first) : false;
}

function lastLeafInserted(node: PmNode): boolean {
  if (typeof node.text === "string") return !!suggestionMarkOf(node, "insertion");
  const list = (node.content ?? []).filter(isNode);
  const last = list[list.length - 1];
  return last ? lastLeafInserted(last) : false;
}

/** Adjacent text nodes with the same marks become one, as ProseMirror itself would normalise them. */
function mergeTextNodes(nodes: PmNode[]): PmNode[] {
  const out: PmNode[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (
      prev &&
      typeof prev.text === "string" &&
      typeof node.text === "string" &&
      JSON.stringify(prev.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + node.text };
    } else out.push(node);
  }
  return out;
}
