/**
 * Protocol fuzzing of the sync server (used by syncFuzz.test.ts and `npm run bench:fuzz`):
 * random and mutated frames of every y-websocket message type against one real server, while
 * honest y-websocket clients keep editing. Afterwards it checks that the server still serves,
 * that honest clients converged, that every new joiner receives exactly their state, and that the
 * stored documents load to that same state after a restart. Reproducible: everything random
 * comes from one seeded PRNG (lib0/prng); the seed is printed.
 *
 * Each frame is followed by a WebSocket ping: ws answers it only after the message before it was
 * handled, and not at all once the server closed the socket, so every frame is known to have been
 * handled (accepted or refused) before the next is sent on that socket.
 */
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as prng from "lib0/prng";
import * as Y from "yjs";
import { points } from "../../db/schema/index.ts";
import { documentNames } from "../../shared/collab/protocol.ts";
import { startServer, type RunningServer } from "../server.ts";
import { DEMO, tempDatabaseUrl } from "../testing/testContext.ts";
import { appendParagraph, login, openClient, rawConnect, waitFor, type TestClient } from "./testSupport.ts";

export interface FuzzOptions {
  frames: number;
  seed: number;
  /** Attacker sockets working at once. */
  parallel?: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  frames: number;
  /** Frames after which the server closed the socket (refused), and those it handled without closing. */
  refused: number;
  handled: number;
  reconnects: number;
  byKind: Record<string, number>;
  refusedByKind: Record<string, number>;
  /** Problems found; empty when the server behaved. */
  failures: string[];
  ms: number;
}

type Gen = prng.PRNG;

const frame = (...parts: Array<number | Uint8Array>): Uint8Array => {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === "number") encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
};
const raw = (...bytes: number[]) => new Uint8Array(bytes);
const randomBytes = (gen: Gen, max: number) => {
  const out = new Uint8Array(prng.int32(gen, 0, max));
  for (let i = 0; i < out.length; i++) out[i] = prng.uint32(gen, 0, 255);
  return out;
};

/** Flips, inserts, deletes bytes, truncates or extends: the mutations of a classic fuzzer. */
function mutate(gen: Gen, input: Uint8Array): Uint8Array {
  let m = input.slice();
  const rounds = prng.int32(gen, 1, 4);
  for (let r = 0; r < rounds; r++) {
    const at = prng.int32(gen, 0, Math.max(0, m.length - 1));
    switch (prng.int32(gen, 0, 6)) {
      case 0:
        if (m.length) m[at] = prng.uint32(gen, 0, 255);
        break;
      case 1:
        if (m.length) m[at] = prng.oneOf(gen, [0, 1, 0x7f, 0x80, 0xff]);
        break;
      case 2:
        m = new Uint8Array([...m.subarray(0, at), ...m.subarray(at + 1)]);
        break;
      case 3:
        m = new Uint8Array([...m.subarray(0, at), prng.uint32(gen, 0, 255), ...m.subarray(at)]);
        break;
      case 4:
        m = m.subarray(0, at);
        break;
      case 5:
        m = new Uint8Array([...m, ...randomBytes(gen, 4)]);
        break;
      default:
        if (m.length) m[at] = m[at]! ^ (1 << prng.int32(gen, 0, 7));
    }
  }
  return m;
}

/** A hand-made update of a class the check must refuse (or, sometimes, a valid odd one). */
function hostileUpdate(gen: Gen): Uint8Array {
  const e = encoding.createEncoder();
  const client = prng.oneOf(gen, [0, 1, 7, 0xffff_ffff, 2 ** 32, 2 ** 40, prng.uint32(gen, 0, 0xffff_ffff)]);
  const clock = prng.oneOf(gen, [0, 1, 2 ** 32, 2 ** 48 - 1, prng.uint32(gen, 0, 100)]);
  encoding.writeVarUint(e, 1);
  const n = prng.int32(gen, 1, 3);
  encoding.writeVarUint(e, n);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  for (let i = 0; i < n; i++) {
    const ref = prng.oneOf(gen, [0, 10, 1, 2, 4, 8, 7, 9, 11, 31]);
    if (ref === 0 || ref === 10) {
      encoding.writeUint8(e, ref);
      encoding.writeVarUint(e, prng.oneOf(gen, [0, 1, 5]));
      continue;
    }
    const withOrigin = prng.bool(gen);
    encoding.writeUint8(e, ref | (withOrigin ? 0x80 : 0) | (!withOrigin && prng.bool(gen) ? 0x20 : 0));
    if (withOrigin) {
      encoding.writeVarUint(e, prng.bool(gen) ? client : prng.uint32(gen, 0, 10));
      encoding.writeVarUint(e, prng.oneOf(gen, [0, clock, clock + 1, 2 ** 48]));
    } else {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, prng.oneOf(gen, ["default", "t", "m"]));
      encoding.writeVarString(e, "k"); // parentSub, when the flag was set; otherwise content bytes
    }
    switch (ref) {
      case 1:
      case 2:
      case 8:
        encoding.writeVarUint(e, prng.oneOf(gen, [0, 1]));
        if (ref === 2) encoding.writeVarString(e, "1");
        if (ref === 8) encoding.writeAny(e, 1);
        break;
      case 4:
        encoding.writeVarString(e, prng.oneOf(gen, ["", "x", "\u{1F44B}"]));
        break;
      case 7:
        encoding.writeVarUint(e, prng.int32(gen, 0, 9));
        break;
      case 9:
        encoding.writeVarString(e, "sub");
        encoding.writeAny(e, {});
        break;
      default:
        break;
    }
  }
  const deletes = prng.int32(gen, 0, 2);
  encoding.writeVarUint(e, deletes);
  for (let i = 0; i < deletes; i++) {
    encoding.writeVarUint(e, prng.uint32(gen, 0, 0xffff_ffff));
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, prng.oneOf(gen, [0, 3, 2 ** 48]));
    encoding.writeVarUint(e, prng.oneOf(gen, [0, 1, 4]));
  }
  return encoding.toUint8Array(e);
}

/** Random edits in the shapes our editor makes (prose paragraphs) and plain shared types. */
function randomEdit(gen: Gen, doc: Y.Doc): void {
  const text = doc.getText("fuzz");
  switch (prng.int32(gen, 0, 4)) {
    case 0:
      text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 6));
      break;
    case 1:
      if (text.length > 2) text.delete(prng.int32(gen, 0, text.length - 2), prng.int32(gen, 1, 2));
      break;
    case 2:
      appendParagraph(doc, prng.word(gen, 2, 10));
      break;
    case 3:
      doc.getMap("fuzzmap").set(prng.word(gen, 1, 2), prng.int32(gen, 0, 1000));
      break;
    default: {
      const fragment = doc.getXmlFragment("default");
      if (fragment.length > 1) fragment.delete(prng.int32(gen, 0, fragment.length - 1), 1);
    }
  }
}

interface Target {
  name: string;
  /** The fuzz author: a copy of the document whose edits (sent by attackers) are valid updates. */
  author: Y.Doc;
  authorUpdates: Uint8Array[];
  honest: TestClient[];
}

/** One frame of a random kind. */
function nextFrame(gen: Gen, target: Target): { kind: string; data: Uint8Array } {
  let kind = "";
  const data = drawFrame(gen, target, (k) => {
    kind = k;
  });
  return { kind, data };
}

function drawFrame(gen: Gen, target: Target, count: (kind: string) => void): Uint8Array {
  const pick = prng.int32(gen, 0, 999);
  const subtype = prng.bool(gen) ? 1 : 2;
  const authorUpdate = () => {
    randomEdit(gen, target.author);
    return target.authorUpdates.shift() ?? Y.encodeStateAsUpdate(target.author);
  };
  // The mix (per mille) keeps refusals near 30 %: each costs the attacker a reconnect, the run's
  // main cost. Every kind still gets hundreds of frames in the 20,000-frame test.
  if (pick < 360) {
    count("valid update");
    return frame(0, subtype, authorUpdate());
  }
  if (pick < 460) {
    count("mutated update");
    return frame(0, subtype, mutate(gen, authorUpdate()));
  }
  if (pick < 500) {
    count("hostile update");
    return frame(0, subtype, hostileUpdate(gen));
  }
  if (pick < 580) {
    count("sync step 1");
    const sv = Y.encodeStateVector(target.author);
    return frame(0, 0, prng.int32(gen, 0, 4) > 0 ? sv : mutate(gen, sv));
  }
  if (pick < 760) {
    count("awareness");
    const inner = encoding.createEncoder();
    const n = prng.int32(gen, 0, 2);
    encoding.writeVarUint(inner, n);
    for (let i = 0; i < n; i++) {
      encoding.writeVarUint(
        inner,
        prng.int32(gen, 0, 9) === 0
          ? 2 ** 33
          : prng.oneOf(gen, [target.honest[0]!.doc.clientID, prng.uint32(gen, 1, 50)]),
      );
      encoding.writeVarUint(inner, prng.uint32(gen, 0, 1_000_000));
      encoding.writeVarString(
        inner,
        prng.int32(gen, 0, 9) > 0
          ? prng.oneOf(gen, [
              JSON.stringify({ user: { name: "Vervalst", color: "#000000" }, cursor: null }),
              "null",
              "42",
              "[1]",
              `"${prng.word(gen)}"`,
            ])
          : "{kapot",
      );
    }
    const update = encoding.toUint8Array(inner);
    return frame(1, prng.int32(gen, 0, 5) === 0 ? mutate(gen, update) : update);
  }
  if (pick < 820) {
    count("query awareness");
    return prng.int32(gen, 0, 3) > 0 ? raw(3) : raw(3, ...randomBytes(gen, 3));
  }
  if (pick < 900) {
    count("auth");
    return frame(2, 0, randomBytes(gen, 8));
  }
  if (pick < 925) {
    count("unknown type");
    return new Uint8Array([prng.oneOf(gen, [4, 5, 100, 127, 200]), ...randomBytes(gen, 6)]);
  }
  if (pick < 950) {
    count("truncated or overlong varint");
    return prng.oneOf(gen, [
      raw(),
      raw(0x80),
      raw(0, 0x80),
      raw(0, 2, 0x85),
      raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
      raw(1, 0x90, 0x01),
    ]);
  }
  if (pick < 980) {
    count("envelope: length or trailing bytes");
    const valid = frame(0, subtype, authorUpdate());
    if (prng.bool(gen)) return new Uint8Array([...valid, ...randomBytes(gen, 3), 0]); // trailing bytes
    valid[2] = prng.uint32(gen, 0, 255); // a payload length that does not match
    return valid;
  }
  count("random bytes");
  return randomBytes(gen, 40);
}

/** State that counts for equality: integrated structs and deletions (pending ones wait on both sides). */
const same = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
const describeDoc = (d: Y.Doc) =>
  `${d.getText("fuzz").toJSON().length} chars, ${d.getXmlFragment("default").length} blocks, sv ${Array.from(
    Y.decodeStateVector(Y.encodeStateVector(d)).entries(),
  )
    .map(([c, k]) => `${c}:${k}`)
    .join(",")}`;

export async function runSyncFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const gen = prng.create(options.seed);
  log(`sync fuzz: seed ${options.seed}, ${options.frames} frames`);
  const tmp = tempDatabaseUrl("oogo-sync-fuzz-");
  const failures: string[] = [];
  const kinds: Record<string, number> = {};
  const refusedByKind: Record<string, number> = {};
  let running: RunningServer | null = null;
  const all: TestClient[] = [];
  const sockets = new Set<WebSocket>();
  let refused = 0;
  let handled = 0;
  let reconnects = 0;
  try {
    // Refusals are expected; a refusal whose reason is "unexpected" means Yjs threw on something
    // the checks let through, and a broken document means storage took something faulty.
    const serverLog = (message: string) => {
      if (/unexpected|cannot be built|failed/.test(message)) failures.push(`server: ${message}`);
    };
    running = await startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: tmp.url,
      demo: true,
      sync: { log: serverLog },
    });
    const server = running;
    const [tafel] = await server.deps.database.db.query.workspaces.findMany({ limit: 1 });
    const workspaceId = tafel!.id;
    const now = new Date().toISOString();
    await server.deps.database.db.insert(points).values({
      id: "fuzz",
      workspaceId,
      theme: "jeugdhulp",
      title: "fuzz",
      status: "concept",
      textHash: "0".repeat(64),
      createdAt: now,
      updatedAt: now,
    });
    const names = [documentNames.spiegelparagraaf(workspaceId), documentNames.point(workspaceId, "fuzz")];
    const cookies = {
      honest1: await login(server.url, DEMO.swvTrekker),
      honest2: await login(server.url, DEMO.groningenTrekker),
      writer: await login(server.url, DEMO.tynaarloTrekker),
      reader: await login(server.url, DEMO.waarnemer),
    };
    const open = (name: string, cookie: string) => {
      const c = openClient(server.url, name, { cookie });
      all.push(c);
      return c;
    };
    const targets: Target[] = [];
    for (const name of names) {
      const honest = [open(name, cookies.honest1), open(name, cookies.honest2)];
      await waitFor(() => honest.every((c) => c.provider.synced), `honest clients of ${name} synced`);
      const author = new Y.Doc();
      Y.applyUpdate(author, Y.encodeStateAsUpdate(honest[0]!.doc));
      const target: Target = { name, author, authorUpdates: [], honest };
      author.on("update", (u: Uint8Array) => target.authorUpdates.push(u));
      targets.push(target);
    }

    // Honest editing throughout (its own PRNG stream, so frames do not depend on timing).
    const honestGen = prng.create(options.seed + 1);
    const editor = setInterval(() => {
      const t = prng.oneOf(honestGen, targets);
      randomEdit(honestGen, prng.oneOf(honestGen, t.honest).doc);
    }, 15);

    const wsBase = server.url.replace(/^http/, "ws");
    const connect = async (name: string, cookie: string): Promise<WebSocket> => {
      const { ws, status } = await rawConnect(`${wsBase}/sync/${name}`, cookie);
      if (!ws) throw new Error(`attacker upgrade refused: ${status}`);
      ws.on("error", () => undefined); // a refused frame closes the socket; the next frame reconnects
      sockets.add(ws);
      return ws;
    };
    /** Sends one frame and resolves with whether the socket is still open after it was handled. */
    const deliver = (ws: WebSocket, data: Uint8Array) =>
      new Promise<boolean>((resolve) => {
        const done = (open: boolean) => {
          ws.off("pong", onPong);
          ws.off("close", onClose);
          resolve(open);
        };
        const onPong = () => done(true);
        const onClose = () => done(false);
        ws.on("pong", onPong);
        ws.on("close", onClose);
        try {
          ws.send(data);
          ws.ping();
        } catch {
          done(false);
        }
      });

    // The frame sequence is drawn up front from the seed: the run is reproducible however the
    // attacker sockets interleave.
    const plan = Array.from({ length: options.frames }, () => {
      // Mostly the spiegelparagraaf: a point document's upgrade needs more queries, and each of its
      // commits makes the server recompute the point's text hash (reconnects and commits are
      // the run's cost; the point document still gets a quarter of the frames).
      const target = prng.int32(gen, 0, 3) > 0 ? targets[0]! : targets[1]!;
      const writer = prng.int32(gen, 0, 9) < 7;
      const { kind, data } = nextFrame(gen, target);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      return { target, writer, data, kind };
    });
    const parallel = options.parallel ?? 12;
    let next = 0;
    const progressEvery = Math.max(1000, Math.floor(options.frames / 10));
    const worker = async () => {
      const socketsByKey = new Map<string, WebSocket>();
      while (next < plan.length) {
        const i = next++;
        const { target, writer, data, kind } = plan[i]!;
        const key = `${target.name}|${writer}`;
        let ws = socketsByKey.get(key);
        if (ws?.readyState !== WebSocket.OPEN) {
          if (ws) reconnects++;
          ws = await connect(target.name, writer ? cookies.writer : cookies.reader);
          socketsByKey.set(key, ws);
        }
        if (await deliver(ws, data)) handled++;
        else {
          refused++;
          refusedByKind[kind] = (refusedByKind[kind] ?? 0) + 1;
          sockets.delete(ws);
        }
        if ((i + 1) % progressEvery === 0) log(`  ${i + 1} frames (${refused} refused, ${reconnects} reconnects)`);
      }
      for (const ws of socketsByKey.values()) ws.terminate();
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    clearInterval(editor);

    // Honest clients were never disconnected by someone else's frames.
    for (const c of all)
      if (c.closeCodes.length > 0) failures.push(`an honest client was disconnected: ${c.closeCodes.join(",")}`);

    // Convergence: honest clients agree with each other and with a new joiner.
    for (const t of targets) {
      const joiner = open(t.name, cookies.honest1);
      try {
        await waitFor(
          () => joiner.provider.synced && t.honest.every((c) => same(c.doc, joiner.doc)),
          `convergence of ${t.name}`,
          20_000,
        );
      } catch {
        failures.push(
          `${t.name}: honest clients and a new joiner differ: ${[...t.honest, joiner].map((c) => describeDoc(c.doc)).join(" | ")}`,
        );
      }
    }
    // The state every honest party holds now, for the check after the restart.
    const expected = targets.map((t) => Y.encodeStateAsUpdate(t.honest[0]!.doc));
    for (const c of all.splice(0)) c.destroy();
    await server.sync.flush();
    await server.close();
    running = null;

    // Stored documents load to exactly that state after a restart.
    running = await startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: tmp.url,
      demo: false,
      sync: { log: () => undefined },
    });
    const restarted = running;
    const fresh = await login(restarted.url, DEMO.swvTrekker);
    for (const [i, t] of targets.entries()) {
      const expectedDoc = new Y.Doc();
      Y.applyUpdate(expectedDoc, expected[i]!);
      const joiner = openClient(restarted.url, t.name, { cookie: fresh });
      all.push(joiner);
      try {
        await waitFor(() => joiner.provider.synced && same(joiner.doc, expectedDoc), `${t.name} after restart`, 20_000);
      } catch {
        failures.push(
          `${t.name}: after a restart the stored document differs: ${describeDoc(joiner.doc)} vs ${describeDoc(expectedDoc)}`,
        );
      }
      const stored = await restarted.store.loadParts(t.name);
      if (stored.quarantined.length > 0)
        failures.push(
          `${t.name}: ${stored.quarantined.length} stored updates were quarantined (something faulty got stored)`,
        );
    }
  } finally {
    for (const ws of sockets) ws.terminate();
    for (const c of all) c.destroy();
    if (running) await running.close();
    tmp.cleanup();
  }
  const report: FuzzReport = {
    seed: options.seed,
    frames: options.frames,
    refused,
    handled,
    reconnects,
    byKind: kinds,
    refusedByKind,
    failures,
    ms: Date.now() - started,
  };
  log(
    `sync fuzz: ${handled} handled, ${refused} refused (socket closed), ${reconnects} reconnects, ${failures.length} failures, ${(report.ms / 1000).toFixed(1)} s`,
  );
  return report;
}
