/**
 * Parent side of the server children: bundles each child wrapper once (esbuild, so a restart
 * does not pay for hundreds of TypeScript transforms), starts it pinned to the server core with
 * `taskset`, and talks to it over IPC.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type ServerKind = "ours" | "hocuspocus" | "y-websocket";

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, "../..");
export const TMP = resolve(REPO, "bench/results/tmp");

const WORKER_THREAD = resolve(REPO, "server/sync/updateLogThread.ts");
const WORKER_ENTRY = resolve(REPO, "server/sync/updateLogWorker.ts");

const ENTRIES: Record<ServerKind, string> = {
  ours: resolve(HERE, "ours.ts"),
  hocuspocus: resolve(HERE, "hocuspocus.ts"),
  "y-websocket": resolve(HERE, "yWebsocket.ts"),
};

/** How to start a child: node arguments before the entry (bundle or tsx fallback). */
const launch = new Map<ServerKind, string[]>();

/**
 * Bundles the child wrappers into bench/results/tmp. Native modules and the LevelDB package
 * (loaded by @y/websocket-server's utils at import, used only with YPERSISTENCE) stay external.
 * Our sources use import.meta.url to find files next to them (migrations): each module keeps
 * its own URL in the bundle.
 */
export async function buildChildren(kinds: ServerKind[]): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  let esbuild: typeof import("esbuild") | null = null;
  try {
    esbuild = await import("esbuild");
  } catch {
    esbuild = null;
  }
  // Our writer thread loads its TypeScript entry through tsx in a fresh isolate: seconds on a
  // busy machine, paid after every restart of the kill -9 run. Bundled, it boots from one file.
  const workerOut = resolve(TMP, "updateLogWorker.mjs");
  let workerBundled = false;
  if (esbuild && kinds.includes("ours") && existsSync(WORKER_ENTRY)) {
    try {
      await esbuild.build({
        entryPoints: [WORKER_ENTRY],
        outfile: workerOut,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        external: ["@libsql/*", "libsql", "yjs", "lib0", "lib0/*"],
        logLevel: "error",
      });
      workerBundled = true;
    } catch {
      workerBundled = false;
    }
  }
  for (const kind of kinds) {
    const outfile = resolve(TMP, `child-${kind}.mjs`);
    if (esbuild) {
      try {
        await esbuild.build({
          entryPoints: [ENTRIES[kind]],
          outfile,
          bundle: true,
          platform: "node",
          format: "esm",
          target: "node20",
          external: [
            "@libsql/*",
            "libsql",
            "@node-rs/*",
            "y-leveldb",
            "yjs",
            "lib0",
            "lib0/*",
            "y-protocols",
            "y-protocols/*",
          ],
          logLevel: "error",
          banner: {
            js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
          },
          plugins: [
            {
              name: "keep-import-meta-url",
              setup(build) {
                build.onLoad({ filter: /\.ts$/ }, async (args) => {
                  if (args.path.includes("/node_modules/")) return undefined;
                  let source = await readFile(args.path, "utf8");
                  if (workerBundled && args.path === WORKER_THREAD)
                    source = source.replace(`"./updateLogWorker.ts"`, JSON.stringify(pathToFileURL(workerOut).href));
                  return {
                    loader: "ts",
                    contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
                  };
                });
              },
            },
          ],
        });
        launch.set(kind, [outfile]);
        continue;
      } catch (error) {
        console.warn(
          `[bench] bundling ${kind} failed, falling back to tsx (slower restarts): ${(error as Error).message.split("\n")[0]}`,
        );
      }
    }
    launch.set(kind, ["--import", "tsx", ENTRIES[kind]]);
  }
}

let tasksetChecked: boolean | null = null;
/** True when util-linux `taskset` is available (checked once). */
export function hasTaskset(): boolean {
  tasksetChecked ??= spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;
  return tasksetChecked;
}

/** Pins this process (all its threads) to one core; false when that is not possible. */
export function pinSelf(core: number): boolean {
  if (!hasTaskset()) return false;
  return spawnSync("taskset", ["-a", "-p", "-c", String(core), String(process.pid)], { stdio: "ignore" }).status === 0;
}

export interface ChildOptions {
  core: number | null;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Run the TypeScript sources through tsx instead of the bundle (profiles then name source files). */
  fromSource?: boolean;
  logName?: string;
}

export interface Started {
  port: number;
  info: Record<string, unknown>;
  pid: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}
/** A child's answer to one rpc (childHarness.ts). */
interface RpcReply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** One server child. Spawned in standby; `go()` opens the database and starts listening. */
export class ServerChild {
  readonly proc: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private log: WriteStream;
  exitedAlready = false;

  constructor(
    readonly kind: ServerKind,
    options: ChildOptions,
  ) {
    const args = options.fromSource ? ["--import", "tsx", ENTRIES[kind]] : launch.get(kind);
    if (!args) throw new Error(`buildChildren([${kind}]) first`);
    const env = { ...process.env };
    // The reference server's LevelDB persistence and HTTP callback only switch on through env.
    delete env.YPERSISTENCE;
    delete env.CALLBACK_URL;
    const nodeArgs = ["--expose-gc", ...(options.nodeFlags ?? []), ...args];
    const pinned = options.core !== null && hasTaskset();
    this.proc = spawn(
      pinned ? "taskset" : process.execPath,
      pinned ? ["-c", String(options.core), process.execPath, ...nodeArgs] : nodeArgs,
      {
        cwd: REPO,
        env,
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        serialization: "advanced",
      },
    );
    this.log = createWriteStream(resolve(TMP, `${options.logName ?? kind}.log`), { flags: "a" });
    this.proc.stdout!.pipe(this.log, { end: false });
    this.proc.stderr!.pipe(this.log, { end: false });
    this.exited = new Promise((resolveExit) => {
      this.proc.once("exit", (code) => {
        this.exitedAlready = true;
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(
            new Error(`${kind} child exited (code ${code}) — see bench/results/tmp/${options.logName ?? kind}.log`),
          );
        }
        this.pending.clear();
        resolveExit(code);
      });
    });
    this.ready = new Promise((resolveReady, rejectReady) => {
      const onMessage = (msg: unknown) => {
        if (typeof msg !== "object" || msg === null) return;
        if ("type" in msg && msg.type === "ready") resolveReady();
        else if ("id" in msg && typeof msg.id === "number") this.settle(msg as RpcReply);
      };
      this.proc.on("message", onMessage);
      void this.exited.then((code) =>
        rejectReady(
          new Error(
            `${kind} child exited (code ${code}) before it was ready — see bench/results/tmp/${options.logName ?? kind}.log`,
          ),
        ),
      );
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  private settle(msg: RpcReply) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(`${this.kind}: ${msg.error}`));
  }

  rpc<T = unknown>(cmd: string, arg?: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.exitedAlready) return Promise.reject(new Error(`${this.kind} child is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolveRpc, rejectRpc) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rejectRpc(new Error(`${this.kind}: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolveRpc, reject: rejectRpc, timer });
      this.proc.send({ id, cmd, arg });
    });
  }

  async go(dbPath: string): Promise<Started> {
    await this.ready;
    return this.rpc<Started>("go", { dbPath });
  }

  /** SIGKILL, then wait until the process is gone (its file handles released). */
  async kill9(): Promise<void> {
    if (!this.exitedAlready) this.proc.kill("SIGKILL");
    await this.exited;
    this.log.end();
  }

  /** Clean shutdown (flushes; writes a --cpu-prof profile); SIGKILL after a grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.exitedAlready) {
      await this.rpc("exit", undefined, graceMs).catch(() => undefined);
      const timer = setTimeout(() => this.proc.kill("SIGKILL"), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.log.end();
  }
}
