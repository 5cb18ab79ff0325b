/**
 * How the load generator addresses each benchmarked server: URLs, framing, acknowledgement, and
 * for ours a real login as a demo trekker (the sync endpoint checks the session like in production).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../server/demo/demoAccounts.ts";
import type { Target } from "./peerClient.ts";
import { REPO, type ServerChild, type ServerKind, type Started } from "../peers/spawnServer.ts";

const version = (pkg: string) =>
  (JSON.parse(readFileSync(resolve(REPO, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
export const LABEL: Record<ServerKind, string> = {
  ours: "OOGO sync (ours)",
  hocuspocus: `Hocuspocus ${version("@hocuspocus/server")}`,
  "y-websocket": `@y/websocket-server ${version("@y/websocket-server")}`,
};
/** The demo member the load generator logs in as (a trekker: may edit). */
const EDITOR = DEMO_ACCOUNTS.find((a) => a.role === "trekker")!;

export function makeTarget(kind: ServerKind, port: number, headers: Record<string, string> = {}): Target {
  const base = `ws://127.0.0.1:${port}`;
  switch (kind) {
    case "ours":
      return {
        kind,
        label: LABEL[kind],
        framing: "plain",
        ack: "saveAck",
        port,
        headers,
        loadsBeforeReply: true,
        url: (name, o) => `${base}/sync/${encodeURIComponent(name)}${o?.saveAck ? "?saveAck=1" : ""}`,
      };
    case "hocuspocus":
      // One socket per document, as HocuspocusProvider does by default; the name travels in every frame.
      return {
        kind,
        label: LABEL[kind],
        framing: "hocuspocus",
        ack: "syncStatus",
        port,
        headers,
        loadsBeforeReply: true,
        url: () => `${base}/`,
      };
    case "y-websocket":
      return {
        kind,
        label: LABEL[kind],
        framing: "plain",
        ack: "syncStep2",
        port,
        headers,
        loadsBeforeReply: false,
        url: (name) => `${base}/${encodeURIComponent(name)}`,
      };
  }
}

/** Logs in as a demo editor like the browser does; returns the Cookie header. */
async function loginOurs(started: Started): Promise<Record<string, string>> {
  const base = `http://127.0.0.1:${started.port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EDITOR.email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${EDITOR.email} failed: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const ws = await fetch(`${base}/api/workspaces/${String(started.info.workspaceId)}`, { headers: { cookie } });
  if (!ws.ok) throw new Error(`GET /api/workspaces/:id with the session failed: HTTP ${ws.status}`);
  return { Cookie: cookie };
}

export async function startTarget(
  child: ServerChild,
  kind: ServerKind,
  dbPath: string,
  headers?: Record<string, string>,
) {
  const started = await child.go(dbPath);
  const h = headers ?? (kind === "ours" ? await loginOurs(started) : {});
  return { started, target: makeTarget(kind, started.port, h), headers: h };
}
