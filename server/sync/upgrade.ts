import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { CLOSE_CODES } from "../../shared/collab/protocol.ts";
import { isAllowedOrigin } from "../http/origin.ts";
import type { DocumentAuthorization } from "./authorizeDocument.ts";
import { refuseSocket, type SyncCore } from "./SyncCore.ts";

export const SYNC_PATH_PREFIX = "/sync/";

export interface SyncTarget {
  docName: string;
  saveAck: boolean;
}

/**
 * `/sync/<documentName>?saveAck=1` → target; anything else → null. y-websocket appends the
 * (URL-encoded) document name to the server URL and its `params` as a query string.
 */
export function parseSyncUrl(url: string | undefined): SyncTarget | null {
  if (!url?.startsWith(SYNC_PATH_PREFIX)) return null;
  const q = url.indexOf("?");
  const rawName = url.slice(SYNC_PATH_PREFIX.length, q < 0 ? undefined : q);
  let docName: string;
  try {
    docName = decodeURIComponent(rawName);
  } catch {
    return null;
  }
  if (!docName || docName.includes("/")) return null;
  const saveAck = q >= 0 && new URLSearchParams(url.slice(q + 1)).get("saveAck") === "1";
  return { docName, saveAck };
}

/** The session cookie's value from a Cookie header (undefined when absent or undecodable). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export { isAllowedOrigin } from "../http/origin.ts";

const STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers an upgrade request with a plain HTTP status and closes the socket. */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  const body = STATUS_TEXT[status] ?? "Error";
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function ignore() {
  // The socket is closed or refused anyway; the listener only keeps the error handled.
}

export interface UpgradeHandlerDeps {
  core: SyncCore;
  authorize(sessionToken: string | undefined, docName: string): Promise<DocumentAuthorization>;
  sessionCookie: string;
  /** Origins besides the request's own host whose pages may open sockets (see server/http/origin.ts). */
  trustedOrigins: readonly string[];
  maxMessageBytes: number;
  log(message: string, error?: unknown): void;
}

/**
 * The HTTP side of the sync endpoint: route, cookie, authorisation, document load, then the
 * WebSocket handshake. The handshake completes only once the document is loaded, so a socket
 * never has to buffer messages for a document that is not there yet.
 */
export function createUpgradeHandler(deps: UpgradeHandlerDeps) {
  const { core } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
    skipUTF8Validation: true,
  });

  const accept = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    attach: (ws: import("ws").WebSocket) => void,
  ): boolean => {
    let attached = false;
    if (!socket.destroyed) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        attached = true;
        attach(ws);
      });
    }
    socket.off("error", ignore);
    return attached;
  };

  return function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A client that hangs up mid-handshake must not become an unhandled 'error'.
    socket.on("error", ignore);
    if (core.closing) return refuse(socket, 503);
    const target = parseSyncUrl(req.url);
    if (!target) return refuse(socket, 404);
    // Cross-site WebSocket hijacking: a page elsewhere would ride on the member's cookie. Checked
    // in every environment, before the session or the document is looked at.
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, deps.trustedOrigins)) return refuse(socket, 403);
    const token = readCookie(req.headers.cookie, deps.sessionCookie);
    const epoch = core.epoch;

    void (async () => {
      const decision = await deps.authorize(token, target.docName);
      if ("deny" in decision) return refuse(socket, decision.deny);
      const grant = {
        access: decision.access,
        userId: decision.userId,
        sessionId: decision.sessionId,
        workspaceId: decision.document.workspaceId,
        user: decision.user,
        author: decision.author,
        suggestOnly: decision.suggestOnly,
      };
      let doc;
      try {
        doc = await core.acquire(target.docName, grant.workspaceId);
      } catch (error) {
        deps.log(`loading ${target.docName} failed; the join is refused`, error);
        accept(req, socket, head, (ws) => refuseSocket(ws, CLOSE_CODES.LOAD_FAILED, "laden mislukt"));
        return;
      }
      doc.joining++;
      const attached = accept(req, socket, head, (ws) => core.join(ws, doc, grant, target.saveAck, epoch));
      if (!attached) core.abandonJoin(doc);
    })().catch((error) => {
      deps.log("sync upgrade failed", error);
      refuse(socket, 500);
    });
  };
}
