/**
 * The minimal wrapper every benchmarked server runs in (one child process per server).
 * It loads the server's modules, announces `ready`, and only opens the database and listens
 * after the parent says `go`: the kill -9 run keeps a warmed-up standby waiting so a restart
 * costs the database open and listen, not the module loading.
 *
 * IPC (serialization "advanced", so Uint8Arrays pass through):
 *   go {dbPath} → {port, info} · prepareDocs {keys} → {names} · seed {docs:[{name, update}]} · loaded
 *   resetStats · stats → CPU, event-loop delay, heap · heap → heapUsed after full GC ·
 *   memory → {heapUsed, arrayBuffers} after full GC · exit
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface PeerServer {
  port: number;
  /** Anything the load generator needs to address documents (e.g. our tafel id). */
  info?: Record<string, unknown>;
  /** Maps bench document keys to this server's document names, creating what they need. */
  prepareDocs(keys: string[]): Promise<string[]>;
  /** Writes a document's initial state straight into the server's libSQL storage. */
  seed(docName: string, update: Uint8Array): Promise<void>;
  /** Documents held in memory right now (to wait for idle unload). */
  loadedDocuments(): number;
  /** Server-specific counters reported with every stats reading (e.g. commits, compactions). */
  counters?(): Record<string, number>;
  /** Flushes and closes (used before a clean exit, e.g. to write a CPU profile). */
  close(): Promise<void>;
  /** Extra commands a particular bench needs run inside the server process (e.g. the daily digest). */
  commands?: Record<string, (arg: never) => Promise<unknown>>;
}

export type StartPeer = (dbPath: string) => Promise<PeerServer>;

interface Request {
  id: number;
  cmd: string;
  arg?: unknown;
}

export function runChild(start: StartPeer): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("childHarness: start me through bench/peers/spawnServer.ts (needs an IPC channel)");
  const gc = (globalThis as { gc?: () => void }).gc;

  // Node's default 10 ms sampling: finer sampling costs the server measurable CPU (~3.5 % at
  // 1 ms), which would be charged to every delivered update. Node records the whole timer
  // interval, so the resolution is subtracted to report the delay itself.
  const ELD_RESOLUTION_MS = 10;
  const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  eld.enable();
  const delay = (ns: number) => (Number.isFinite(ns) && ns > 0 ? Math.max(0, ns / 1e6 - ELD_RESOLUTION_MS) : 0);
  let cpuMark = process.cpuUsage();
  let wallMark = performance.now();
  let server: PeerServer | null = null;

  // Each handler declares the argument its command carries; the parent (spawnServer.ts) sends it.
  const handlers: Record<string, (arg: never) => unknown> = {
    async go({ dbPath }: { dbPath: string }) {
      server = await start(dbPath);
      return { port: server.port, info: server.info ?? {}, pid: process.pid };
    },
    prepareDocs: ({ keys }: { keys: string[] }) => need().prepareDocs(keys),
    async seed({ docs }: { docs: Array<{ name: string; update: Uint8Array }> }) {
      for (const d of docs) await need().seed(d.name, d.update);
      return docs.length;
    },
    loaded: () => need().loadedDocuments(),
    resetStats() {
      cpuMark = process.cpuUsage();
      wallMark = performance.now();
      eld.reset();
      // Same clock as V8's CPU profiles (monotonic, µs): lets a profile be cut to this window.
      return { monoUs: Number(process.hrtime.bigint() / 1000n) };
    },
    stats() {
      const cpu = process.cpuUsage(cpuMark);
      const mem = process.memoryUsage();
      return {
        cpuUs: cpu.user + cpu.system,
        wallMs: performance.now() - wallMark,
        eldP50Ms: delay(eld.percentile(50)),
        eldP99Ms: delay(eld.percentile(99)),
        eldMaxMs: delay(eld.max),
        heapUsed: mem.heapUsed,
        rss: mem.rss,
        monoUs: Number(process.hrtime.bigint() / 1000n),
        counters: server?.counters?.() ?? {},
      };
    },
    async heap() {
      return (await settledMemory()).heapUsed;
    },
    /** heapUsed and ArrayBuffer backing stores (Buffers live outside the JS heap). */
    async memory() {
      const m = await settledMemory();
      return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers };
    },
    async exit() {
      await server?.close();
      setImmediate(() => process.exit(0));
      return true;
    },
  };

  async function settledMemory() {
    if (!gc) throw new Error("start the child with --expose-gc");
    // Two passes with a macrotask between: weak refs and finalizers settle.
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
    return process.memoryUsage();
  }

  function need(): PeerServer {
    if (!server) throw new Error("not started yet (send go first)");
    return server;
  }

  const answer = async (msg: Request) => {
    const handler = handlers[msg.cmd] ?? server?.commands?.[msg.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${msg.cmd}`);
      const result = await handler((msg.arg ?? {}) as never);
      send({ id: msg.id, ok: true, result });
    } catch (error) {
      send({ id: msg.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  process.on("message", (msg: Request) => void answer(msg));
  // The parent died (or closed the channel): do not linger holding the port and the file.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", pid: process.pid });
}
