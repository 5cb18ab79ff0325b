/**
 * The durability promise: a type-100 acknowledgement means the update survives a crash.
 * A real server process is killed with SIGKILL while clients type; after a restart on the same
 * libSQL file every acknowledged update must be there.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { documentNames } from "../../shared/collab/protocol.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { login, openClient, waitFor } from "./testSupport.ts";

const SCRIPT = fileURLToPath(new URL("./crashTestServer.ts", import.meta.url));

interface Child {
  proc: ChildProcess;
  exited: Promise<void>;
  ready: Promise<void>;
  go(): Promise<string>;
}

/** Spawns a server child in standby (modules loaded); `go()` opens the database and returns the base URL. */
function spawnChild(databaseUrl: string): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", SCRIPT, databaseUrl], { stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  let stderr = "";
  proc.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let buffer = "";
  proc.stdout.on("data", (chunk) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const l = buffer.slice(0, nl);
      // Only the protocol's lines: the server also logs the demo's invitation mails to stdout (issue 10).
      if (l === "ready" || l.startsWith('{"port"')) lines.push(l);
      buffer = buffer.slice(nl + 1);
      for (const w of waiters.splice(0)) w();
    }
  });
  const line = (i: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (lines.length > i ? resolve(lines[i]!) : waiters.push(check));
      check();
      void exited.then(() => reject(new Error(`server child exited:\n${stderr}`)));
    });

  return {
    proc,
    exited,
    ready: line(0).then(
      () => undefined,
      () => undefined,
    ),
    async go() {
      await line(0);
      proc.stdin.write("go\n");
      return `http://127.0.0.1:${(JSON.parse(await line(1)) as { port: number }).port}`;
    },
  };
}

interface Typed {
  field: string;
  typed: string;
  acked: number;
}

test("kill -9 while clients type: every acknowledged update is there after the restart", async () => {
  const tmp = tempDatabaseUrl("oogo-sync-crash-");
  const CYCLES = 2;
  // Every server of the run starts loading its modules now; each restart then only opens the
  // database (loading the modules takes seconds on a busy machine, the restart itself ~0.1 s).
  const children = Array.from({ length: CYCLES + 1 }, () => spawnChild(tmp.url));
  let child = children[0]!;
  let url = await child.go();
  try {
    const cookie = await login(url, DEMO.swvTrekker);
    const res = await fetch(`${url}/api/workspaces`, { headers: { cookie } });
    const { workspaces } = (await res.json()) as { workspaces: Array<{ id: string }> };
    const docName = documentNames.spiegelparagraaf(workspaces[0]!.id);
    const history: Typed[] = [];

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const writers = [0, 1].map((i) => ({
        client: openClient(url, docName, { cookie, saveAck: true }),
        record: { field: `cycle${cycle}-writer${i}`, typed: "", acked: 0 },
      }));
      await waitFor(() => writers.every((w) => w.client.provider.synced), "writers synced");
      let n = 0;
      const typing = setInterval(() => {
        for (const { client, record } of writers) {
          const token = `${(n++ % 10000).toString().padStart(4, "0")};`;
          client.doc.getText(record.field).insert(record.typed.length, token);
          record.typed += token;
        }
      }, 2);
      const ackedClock = (w: (typeof writers)[number]) =>
        Math.max(0, ...w.client.acks.map((ack) => ack.stateVector.get(w.client.doc.clientID) ?? 0));
      await waitFor(() => writers.every((w) => ackedClock(w) > 50), "some edits acknowledged");
      // Kill at a random moment while typing and committing go on.
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
      child.proc.kill("SIGKILL");
      await child.exited;
      clearInterval(typing);
      for (const w of writers) {
        w.record.acked = ackedClock(w);
        history.push(w.record);
        w.client.destroy();
      }

      child = children[cycle + 1]!;
      url = await child.go();
      const reader = openClient(url, docName, { cookie });
      try {
        await waitFor(() => reader.provider.synced, "reader synced after restart");
        for (const record of history) {
          const text = reader.doc.getText(record.field).toJSON();
          expect(record.acked).toBeGreaterThan(0);
          expect(
            text.length,
            `${record.field}: stored ${text.length} chars, acknowledged ${record.acked}`,
          ).toBeGreaterThanOrEqual(record.acked);
          expect(text.slice(0, record.acked)).toBe(record.typed.slice(0, record.acked));
        }
      } finally {
        reader.destroy();
      }
    }
  } finally {
    for (const c of children) c.proc.kill("SIGKILL");
    await Promise.all(children.map((c) => c.exited));
    tmp.cleanup();
  }
}, 60_000);
