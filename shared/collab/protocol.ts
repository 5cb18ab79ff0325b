/**
 * The collaboration wire contract, shared by the sync server, our client and any
 * third-party Yjs client.
 *
 * Transport: the standard y-websocket protocol at `ws(s)://<host>/sync/<documentName>`.
 * A stock `new WebsocketProvider("wss://host/sync", documentName, doc)` works unmodified.
 *
 * Extension — the durable save acknowledgement:
 *   A client that connects with the query parameter `saveAck=1` additionally receives
 *   messages of type {@link MESSAGE_SAVE_ACK} (100). Payload: a lib0 `varUint8Array`
 *   holding the Yjs-encoded state vector of everything the server has durably stored
 *   (committed to the database) for this document. When that state vector covers the
 *   client's own local state vector, every local edit is safe from a server crash.
 *   After the state vector follows a varUint: how many update-bearing messages (sync step 2 /
 *   update) of this connection are durable — deletions do not move a state vector, this does.
 *   Clients that do not ask never see this message type. Full contract: docs/sync-protocol.md.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_SAVE_ACK = 100;

/** Query parameter a client adds to the sync URL to receive save acknowledgements. */
export const SAVE_ACK_PARAM = "saveAck";

/**
 * WebSocket close codes (4000–4999 is reserved for applications).
 * A client that sees ACCESS_CHANGED should re-fetch its rights (GET /api/me) and reconnect.
 */
export const CLOSE_CODES = {
  /** The member's role changed or was revoked: re-authorise before reconnecting. */
  ACCESS_CHANGED: 4001,
  /** The document could not be loaded from storage; the join fails rather than show an empty text. */
  LOAD_FAILED: 4002,
  /** A frame was not a valid y-websocket message. */
  MALFORMED_MESSAGE: 4003,
  /** The client did not keep up with the updates sent to it. */
  TOO_SLOW: 4004,
  /** The session ended (logout or expiry). */
  SESSION_ENDED: 4005,
  /** The server is shutting down; reconnect later. */
  SERVER_SHUTDOWN: 4006,
  /** A frame exceeded the maximum message size (WebSocket standard code). */
  MESSAGE_TOO_BIG: 1009,
} as const;

/** Maximum size of one incoming sync frame; larger frames close the connection and nothing is applied. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Permission-denied reason sent with the protocol's auth message to read-only members. */
export const PERMISSION_DENIED_REASON = "alleen-lezen";

/**
 * Document names. Every collaborative document belongs to exactly one tafel, and its
 * name says which, so the sync server can authorise a socket from the name alone.
 */
export type DocumentKind = "spiegelparagraaf" | "point" | "minutes" | "procedure";

export const documentNames = {
  spiegelparagraaf: (workspaceId: string) => `tafel.${workspaceId}.spiegelparagraaf`,
  procedure: (workspaceId: string) => `tafel.${workspaceId}.procedure`,
  point: (workspaceId: string, pointId: string) => `tafel.${workspaceId}.punt.${pointId}`,
  minutes: (workspaceId: string, meetingId: string) => `tafel.${workspaceId}.notulen.${meetingId}`,
};

const ID = "[A-Za-z0-9_-]{1,64}";
const PATTERNS: Array<[DocumentKind, RegExp]> = [
  ["spiegelparagraaf", new RegExp(`^tafel\\.(${ID})\\.spiegelparagraaf$`)],
  ["procedure", new RegExp(`^tafel\\.(${ID})\\.procedure$`)],
  ["point", new RegExp(`^tafel\\.(${ID})\\.punt\\.(${ID})$`)],
  ["minutes", new RegExp(`^tafel\\.(${ID})\\.notulen\\.(${ID})$`)],
];

export interface ParsedDocumentName {
  kind: DocumentKind;
  workspaceId: string;
  /** The point or meeting id for kinds that have one. */
  entityId?: string;
}

/** Parses a document name; returns null for anything that is not one of ours. */
export function parseDocumentName(name: string): ParsedDocumentName | null {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(name);
    if (m) return { kind, workspaceId: m[1]!, ...(m[2] ? { entityId: m[2] } : {}) };
  }
  return null;
}

/** Awareness state each of our clients publishes (`awareness.setLocalStateField("user", …)`). */
export interface AwarenessUser {
  name: string;
  partyName: string;
  color: string;
}
