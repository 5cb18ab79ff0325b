/**
 * The measurements of `npm run bench`, each written once and run against every server
 * through a `Target` (see peerClient.ts). Times are performance.now() in the load generator:
 * send and receive are stamped by the same clock.
 */
import * as Y from "yjs";
import type { ServerChild } from "../peers/spawnServer.ts";
import { BenchWriter, EDIT_CHARS } from "./benchWriter.ts";
import { busyPct, readCoreTimes } from "./cpuLoad.ts";
import { closeAll, connectAll, PeerClient, updateHeader, type Target } from "./peerClient.ts";
import { Samples, sleep, summarize, type Summary } from "./percentiles.ts";

export interface ChildStats {
  cpuUs: number;
  wallMs: number;
  eldP50Ms: number;
  eldP99Ms: number;
  eldMaxMs: number;
  heapUsed: number;
  rss: number;
  monoUs: number;
  counters: Record<string, number>;
}

const yieldToIo = () => new Promise<void>((r) => setImmediate(r));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ─── Fan-out ──────────────────────────────────────────────────────────────────────────────

export interface FanoutPoint {
  observers: number;
  rate: number;
  durationMs: number;
  sent: number;
  /** sent × observers: every observer should get every edit. */
  expected: number;
  /** (observer, edit) pairs that arrived in time: before the drain deadline (drainMs after the last send). */
  delivered: number;
  /** …and once the server's queues emptied (capped at 30 s); the latency summary covers these. */
  deliveredEventually: number;
  latencyMs: Summary;
  serverCpuUsPerDelivery: number | null;
  serverCpuPct: number;
  serverEldP99Ms: number;
  /** Load-generator CPU over the window: near 100 % means the client side limits the point. */
  loadgenCpuPct: number;
  /** Busy % of the server core not caused by the server (other processes on a shared machine). */
  otherLoadOnServerCorePct: number | null;
  /** 2 when the first attempt was disturbed by other load and the point was measured again. */
  attempts: number;
  actualRate: number;
  /** The measurement window on the server's monotonic clock (µs), to cut a CPU profile. */
  serverWindowUs: [number, number];
  serverEldMaxMs: number;
  /** Server-specific counters at the end of the point (ours: commits, compactions, …; cumulative). */
  serverCounters: Record<string, number>;
}

/**
 * Tracks which benchmark edits each observer has. An edit is the writer's clock range
 * [s·EDIT_CHARS, (s+1)·EDIT_CHARS); a single-edit update is recognised from its header, anything
 * else (initial sync, batched or merged broadcasts) through Y.parseUpdateMeta.
 */
class FanoutTracker {
  writerClient = -1;
  sendTimes = new Float64Array(1 << 15);
  lastSeq = new Int32Array(0);
  recording = false;
  firstSeq = 0;
  samples = new Samples();
  delivered = 0;
  lastActivity = 0;

  ensureObservers(n: number) {
    if (this.lastSeq.length >= n) return;
    const bigger = new Int32Array(n).fill(-1);
    bigger.set(this.lastSeq);
    this.lastSeq = bigger;
  }

  setSendTime(seq: number, at: number) {
    if (seq >= this.sendTimes.length) {
      const bigger = new Float64Array(Math.max(seq + 1, this.sendTimes.length * 2));
      bigger.set(this.sendTimes);
      this.sendTimes = bigger;
    }
    this.sendTimes[seq] = at;
  }

  onUpdate(observer: number, payload: Uint8Array, at: number) {
    this.lastActivity = at;
    if (this.writerClient < 0) return;
    const h = updateHeader(payload);
    if (!h) return;
    let first: number;
    let last: number;
    if (h.groups === 1 && h.structs === 1 && h.client === this.writerClient && h.clock % EDIT_CHARS === 0) {
      first = last = h.clock / EDIT_CHARS;
    } else {
      const meta = Y.parseUpdateMeta(payload);
      const to = meta.to.get(this.writerClient);
      if (to === undefined) return;
      first = Math.floor((meta.from.get(this.writerClient) ?? 0) / EDIT_CHARS);
      last = Math.floor(to / EDIT_CHARS) - 1;
    }
    const prev = this.lastSeq[observer]!;
    if (last <= prev) return;
    if (this.recording) {
      for (let s = Math.max(prev + 1, first, this.firstSeq); s <= last; s++) {
        this.samples.push(at - this.sendTimes[s]!);
        this.delivered++;
      }
    }
    this.lastSeq[observer] = last;
  }
}

export interface FanoutOptions {
  observerCounts: number[];
  rates: number[];
  durationMs: number;
  drainMs: number;
  /** Called after each point (progress output). */
  onPoint?(point: FanoutPoint): void;
  /** Skip points whose observer × rate product exceeds this (time budget). */
  maxDeliveriesPerSecond?: number;
  /** Core the server runs on (for the interference reading). */
  serverCore?: number;
  /** Measure a point again once when other processes took more than this % of the server core. */
  retryAboveOtherLoadPct?: number;
}

/**
 * One document on one server with its writer and observers, kept across points so that the
 * servers can be measured in turns, point by point (a shared machine's background load then
 * hits all of them alike).
 */
export class FanoutSession {
  private readonly tracker = new FanoutTracker();
  private readonly writer: BenchWriter;
  readonly observers: PeerClient[] = [];

  constructor(
    readonly target: Target,
    readonly child: ServerChild,
    readonly docName: string,
  ) {
    this.writer = new BenchWriter(target, docName, { saveAck: false });
  }

  async open(): Promise<void> {
    await this.writer.connect();
    this.tracker.writerClient = this.writer.doc.clientID;
  }

  /** Adds observers up to `count` (they stay), then waits until their initial syncs are done. */
  async grow(count: number): Promise<void> {
    this.tracker.ensureObservers(count);
    const fresh: PeerClient[] = [];
    for (let i = this.observers.length; i < count; i++) {
      const index = i;
      fresh.push(
        new PeerClient(this.target, this.docName, {
          events: { onUpdate: (payload, _step2, at) => this.tracker.onUpdate(index, payload, at) },
          timeoutMs: 60_000,
        }),
      );
    }
    await connectAll(fresh, 25);
    this.observers.push(...fresh);
    await quiesce(this.tracker, 200, 10_000);
  }

  measure(rate: number, durationMs: number, drainMs: number, serverCore = 0): Promise<FanoutPoint> {
    return runPoint(
      this.tracker,
      this.writer,
      this.child,
      this.observers.length,
      rate,
      durationMs,
      drainMs,
      serverCore,
    );
  }

  /** Every latency sample of the last measured point (ms), to pool several windows. */
  lastLatencies(): Float64Array {
    return this.tracker.samples.values();
  }

  /** Measures, and once more when other processes disturbed the server core (keeps the calmer one). */
  async measureSteady(
    rate: number,
    durationMs: number,
    drainMs: number,
    serverCore: number,
    retryAbovePct: number,
  ): Promise<FanoutPoint> {
    let point = await this.measure(rate, durationMs, drainMs, serverCore);
    if ((point.otherLoadOnServerCorePct ?? 0) > retryAbovePct) {
      await sleep(1000);
      const again = await this.measure(rate, durationMs, drainMs, serverCore);
      again.attempts = 2;
      if ((again.otherLoadOnServerCorePct ?? 0) < (point.otherLoadOnServerCorePct ?? 0)) point = again;
      else point.attempts = 2;
    }
    return point;
  }

  close(): Promise<void> {
    return closeAll([this.writer.client, ...this.observers]);
  }
}

/**
 * One writer types at a fixed rate (open loop: a late timer sends immediately, so a slow
 * server cannot slow the offered load down); N observers of the same document receive.
 * Observers are added between points (1 → 10 → 100 …) and stay connected.
 */
export async function fanoutSweep(
  target: Target,
  child: ServerChild,
  docName: string,
  opts: FanoutOptions,
): Promise<FanoutPoint[]> {
  const session = new FanoutSession(target, child, docName);
  const points: FanoutPoint[] = [];
  let retries = 0;
  try {
    await session.open();
    for (const count of opts.observerCounts) {
      await session.grow(count);
      for (const rate of opts.rates) {
        if (opts.maxDeliveriesPerSecond && count * rate > opts.maxDeliveriesPerSecond) continue;
        const retry = opts.retryAboveOtherLoadPct !== undefined && retries < 4;
        const point = retry
          ? await session.measureSteady(
              rate,
              opts.durationMs,
              opts.drainMs,
              opts.serverCore ?? 0,
              opts.retryAboveOtherLoadPct!,
            )
          : await session.measure(rate, opts.durationMs, opts.drainMs, opts.serverCore ?? 0);
        if (point.attempts > 1) retries++;
        points.push(point);
        opts.onPoint?.(point);
      }
    }
  } finally {
    await session.close();
  }
  return points;
}

async function quiesce(tracker: FanoutTracker, quietMs: number, capMs: number) {
  const start = performance.now();
  tracker.lastActivity = Math.max(tracker.lastActivity, start);
  while (performance.now() - tracker.lastActivity < quietMs && performance.now() - start < capMs) await sleep(25);
}

async function runPoint(
  tracker: FanoutTracker,
  writer: BenchWriter,
  child: ServerChild,
  observers: number,
  rate: number,
  durationMs: number,
  drainMs: number,
  serverCore: number,
): Promise<FanoutPoint> {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  tracker.samples = new Samples(observers * total + 16);
  tracker.delivered = 0;
  tracker.firstSeq = Y.getState(writer.doc.store, writer.doc.clientID) / EDIT_CHARS;
  tracker.recording = true;
  const { monoUs: windowStart } = await child.rpc<{ monoUs: number }>("resetStats");
  const cores0 = readCoreTimes();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const interval = 1000 / rate;
  for (let k = 0; k < total; k++) {
    const wait = t0 + k * interval - performance.now();
    if (wait >= 1) await sleep(wait);
    else await yieldToIo();
    const edit = writer.edit();
    tracker.setSendTime(edit.start / EDIT_CHARS, edit.sentAt);
  }
  const sendEnd = performance.now();
  const expected = total * observers;
  while (tracker.delivered < expected && performance.now() - sendEnd < drainMs) await sleep(10);
  const deliveredInTime = tracker.delivered;
  // A saturated server answers this only after its backlog: CPU and deliveries are both counted
  // up to that moment, so their ratio stays honest.
  const stats = await child.rpc<ChildStats>("stats");
  const deliveredAtStats = tracker.delivered;
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cores = busyPct(cores0, readCoreTimes());
  // Late deliveries still count for the latency distribution (they are the tail).
  await quiesce(tracker, 300, 30_000);
  tracker.recording = false;
  const serverCpuPct = (stats.cpuUs / 1000 / stats.wallMs) * 100;
  return {
    observers,
    rate,
    durationMs,
    sent: total,
    expected,
    delivered: deliveredInTime,
    deliveredEventually: tracker.delivered,
    latencyMs: tracker.samples.summary(),
    serverCpuUsPerDelivery: deliveredAtStats > 0 ? stats.cpuUs / deliveredAtStats : null,
    serverCpuPct,
    serverEldP99Ms: stats.eldP99Ms,
    loadgenCpuPct: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    otherLoadOnServerCorePct: cores ? Math.max(0, (cores[serverCore] ?? 0) - serverCpuPct) : null,
    attempts: 1,
    serverWindowUs: [windowStart, stats.monoUs],
    serverEldMaxMs: stats.eldMaxMs,
    serverCounters: stats.counters,
    actualRate: total / ((sendEnd - t0) / 1000),
  };
}

// ─── Edit → acknowledgement ───────────────────────────────────────────────────────────────

export interface AckResult {
  latencyMs: Summary;
  edits: number;
  unacknowledged: number;
  durable: boolean;
  signal: string;
}

/** A connected editor whose edits' acknowledgement latencies are recorded, in rounds. */
export class AckSession {
  private readonly writer: BenchWriter;
  readonly samples = new Samples(1024);
  edits = 0;

  constructor(
    readonly target: Target,
    docName: string,
  ) {
    this.writer = new BenchWriter(target, docName);
  }

  open(): Promise<void> {
    return this.writer.connect();
  }

  /** Types `edits` edits at `rate`/s (open loop) and waits (≤ 10 s) for their acknowledgements. */
  async round(edits: number, rate: number): Promise<void> {
    const waits: Array<Promise<unknown>> = [];
    const t0 = performance.now();
    for (let k = 0; k < edits; k++) {
      const wait = t0 + (k * 1000) / rate - performance.now();
      if (wait >= 1) await sleep(wait);
      const edit = this.writer.edit();
      waits.push(edit.acked.then((at) => this.samples.push(at - edit.sentAt)));
    }
    this.edits += edits;
    await Promise.race([Promise.all(waits), sleep(10_000)]);
  }

  result(): AckResult {
    return {
      latencyMs: this.samples.summary(),
      edits: this.edits,
      unacknowledged: this.edits - this.samples.length,
      durable: this.target.ack === "saveAck",
      signal: {
        saveAck: "type-100 save ack (durable)",
        syncStatus: "SyncStatus reply (in memory)",
        syncStep2: "sync step 2 reply (in memory)",
      }[this.target.ack],
    };
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

/** A writer types at `rate` edits/s (open loop); each edit's acknowledgement latency is recorded. */
export async function saveAckRun(target: Target, docName: string, edits: number, rate: number): Promise<AckResult> {
  const session = new AckSession(target, docName);
  await session.open();
  await session.round(edits, rate);
  await session.close();
  return session.result();
}

// ─── Loading a big document ───────────────────────────────────────────────────────────────

/**
 * Tells when a client holds the whole stored document: the union of the state vectors of
 * what it received covers the seeded update's. While receiving, only bytes are counted (a
 * cheap hint, so 50 clients in a storm are not slowed by parsing); the exact check runs after.
 */
class LoadWatcher {
  messages: Array<{ payload: Uint8Array; at: number }> = [];
  private bytes = 0;
  hinted: Promise<void>;
  private hint!: () => void;

  constructor(
    private readonly expected: Map<number, number>,
    private readonly expectedBytes: number,
  ) {
    this.hinted = new Promise((r) => (this.hint = r));
  }

  onUpdate = (payload: Uint8Array, _step2: boolean, at: number) => {
    this.messages.push({ payload, at });
    this.bytes += payload.length;
    if (this.bytes >= this.expectedBytes / 2) this.hint();
  };

  /** Arrival time of the message that completed the document, or null. */
  completedAt(): number | null {
    const have = new Map<number, number>();
    for (const m of this.messages) {
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(m.payload))) {
        if ((have.get(client) ?? 0) < clock) have.set(client, clock);
      }
      let complete = true;
      for (const [client, clock] of this.expected) if ((have.get(client) ?? 0) < clock) complete = false;
      if (complete) return m.at;
    }
    return null;
  }
}

export interface BigDocument {
  update: Uint8Array;
  stateVector: Map<number, number>;
}

/** ms from connect() to the message that completed the document (client already connecting). */
async function loadFully(client: PeerClient, watcher: LoadWatcher, timeoutMs: number): Promise<number> {
  await withTimeout(watcher.hinted, timeoutMs, `${client.target.kind}: full document ${client.docName}`);
  for (let waited = 0; ; waited += 25) {
    const at = watcher.completedAt();
    if (at !== null) return at - client.startedAt;
    if (waited > 2000) throw new Error(`${client.target.kind}: ${client.docName} never arrived complete`);
    await sleep(25);
  }
}

/** One cold load: connect → the whole never-opened copy `name` has arrived (ms). */
export async function coldLoadOnce(target: Target, name: string, big: BigDocument): Promise<number> {
  const watcher = new LoadWatcher(big.stateVector, big.update.length);
  const client = new PeerClient(target, name, { events: { onUpdate: watcher.onUpdate } });
  try {
    await client.connect();
    return await loadFully(client, watcher, 20_000);
  } finally {
    await client.close();
  }
}

/** Sequential cold loads, each of its own never-opened copy of the big document. */
export async function coldLoadRun(target: Target, docNames: string[], big: BigDocument): Promise<Summary> {
  const samples = new Samples(docNames.length);
  for (const name of docNames) {
    samples.push(await coldLoadOnce(target, name, big));
    await sleep(50);
  }
  return samples.summary();
}

export interface StormResult {
  latencyMs: Summary;
  storms: number;
  clients: number;
  failed: number;
}

/** `clients` connect at once to the never-opened copy `name`; per-client ms, and failures. */
export async function joinStormOnce(
  target: Target,
  name: string,
  clients: number,
  big: BigDocument,
): Promise<{ samples: number[]; failed: number }> {
  const watchers = Array.from({ length: clients }, () => new LoadWatcher(big.stateVector, big.update.length));
  const storm = watchers.map(
    (w) => new PeerClient(target, name, { events: { onUpdate: w.onUpdate }, timeoutMs: 30_000 }),
  );
  const connected = storm.map((c) => c.connect());
  await Promise.allSettled(connected.map((c, i) => c.then(() => withTimeout(watchers[i]!.hinted, 30_000, "storm"))));
  const samples: number[] = [];
  let failed = 0;
  for (let i = 0; i < storm.length; i++) {
    try {
      samples.push(await loadFully(storm[i]!, watchers[i]!, 1_000));
    } catch {
      failed++;
    }
  }
  await closeAll(storm);
  return { samples, failed };
}

/** `clients` connect at once to one never-opened copy of the big document, once per name. */
export async function joinStormRun(
  target: Target,
  docNames: string[],
  clients: number,
  big: BigDocument,
): Promise<StormResult> {
  const samples = new Samples(docNames.length * clients);
  let failed = 0;
  for (const name of docNames) {
    const one = await joinStormOnce(target, name, clients, big);
    for (const v of one.samples) samples.push(v);
    failed += one.failed;
    await sleep(200);
  }
  return { latencyMs: samples.summary(), storms: docNames.length, clients, failed };
}

// ─── Memory ───────────────────────────────────────────────────────────────────────────────

export interface HeapResult {
  /** heapUsed deltas (JS heap). */
  perConnectionBytes: number;
  perIdleDocumentBytes: number;
  perDocumentAfterUnloadBytes: number;
  perBigDocumentBytes: number;
  /**
   * The same with ArrayBuffer backing stores added (Buffers live outside the JS heap: a server
   * that keeps a document as encoded bytes would otherwise look almost free).
   */
  perConnectionTotalBytes: number;
  perIdleDocumentTotalBytes: number;
  perDocumentAfterUnloadTotalBytes: number;
  perBigDocumentTotalBytes: number;
  unloadWaitedMs: number;
  connections: number;
  /** Documents per round, and rounds (each with fresh documents; results are the mean). */
  documents: number;
  rounds: number;
  bigDocuments: number;
}

interface Mem {
  heapUsed: number;
  arrayBuffers: number;
}
const diff = (a: Mem, b: Mem) => ({
  heap: b.heapUsed - a.heapUsed,
  total: b.heapUsed + b.arrayBuffers - a.heapUsed - a.arrayBuffers,
});

/**
 * Memory deltas in the server child after full GCs (--expose-gc), JS heap and heap + ArrayBuffers:
 *  - per idle connection: N extra synced sockets on one loaded document;
 *  - per idle loaded document: M small documents with one socket each, minus a socket;
 *  - after unload: the same M documents once every socket closed and the server reports them
 *    unloaded (waiting up to unloadWaitMs); mean over rounds with fresh documents, because
 *    identical rounds differ by up to ~1 KB per document (allocator and GC noise);
 *  - per big document: B copies of the ~120 KB document, one socket each, minus a socket.
 * Every code path is exercised once before measuring (warm-up documents and sockets), so
 * compiled code and type feedback are not counted as per-document memory.
 */
export async function heapRun(
  target: Target,
  child: ServerChild,
  names: { conn: string; warm: string[]; docs: string[]; big: string[] },
  opts: { connections: number; docsPerRound: number; unloadWaitMs: number; big: BigDocument },
): Promise<HeapResult> {
  const memory = () => child.rpc<Mem>("memory");
  const loaded = () => child.rpc<number>("loaded");
  const waitUnloaded = async (count: number) => {
    const t = performance.now();
    while ((await loaded()) > count && performance.now() - t < opts.unloadWaitMs) await sleep(250);
    return performance.now() - t;
  };
  const baseline = await loaded();
  const warm = Array.from({ length: 20 }, () => new PeerClient(target, names.conn));
  await connectAll(warm);
  const warmDocs = names.warm.map((n) => new PeerClient(target, n));
  await connectAll(warmDocs);
  await closeAll([...warm, ...warmDocs]);
  await waitUnloaded(baseline);

  const anchor = new PeerClient(target, names.conn);
  await anchor.connect();
  await sleep(200);
  const m0 = await memory();
  const conns = Array.from({ length: opts.connections }, () => new PeerClient(target, names.conn));
  await connectAll(conns, 25);
  await sleep(300);
  const dConn = diff(m0, await memory());
  const perConnection = { heap: dConn.heap / opts.connections, total: dConn.total / opts.connections };
  await closeAll(conns);
  await sleep(500);

  // Each round: M small documents, one socket each; then every socket leaves and we wait until
  // the server reports the documents unloaded. Distinct documents per round.
  const rounds = names.docs.length / opts.docsPerRound;
  const open = { heap: 0, total: 0 };
  const after = { heap: 0, total: 0 };
  let unloadWaitedMs = 0;
  for (let r = 0; r < rounds; r++) {
    const set = names.docs.slice(r * opts.docsPerRound, (r + 1) * opts.docsPerRound);
    const before = await loaded();
    const m2 = await memory();
    const docClients = set.map((n) => new PeerClient(target, n));
    await connectAll(docClients, 25);
    await sleep(300);
    const dOpen = diff(m2, await memory());
    open.heap += dOpen.heap / set.length - perConnection.heap;
    open.total += dOpen.total / set.length - perConnection.total;
    await closeAll(docClients);
    unloadWaitedMs = Math.max(unloadWaitedMs, await waitUnloaded(before));
    await sleep(200);
    const dAfter = diff(m2, await memory());
    after.heap += dAfter.heap / set.length;
    after.total += dAfter.total / set.length;
  }
  const m4 = await memory();

  const bigClients = names.big.map((n) => {
    const w = new LoadWatcher(opts.big.stateVector, opts.big.update.length);
    return { w, c: new PeerClient(target, n, { events: { onUpdate: w.onUpdate } }) };
  });
  for (const { w, c } of bigClients) {
    await c.connect();
    await loadFully(c, w, 20_000);
  }
  for (const { w } of bigClients) w.messages = [];
  await sleep(300);
  const dBig = diff(m4, await memory());
  await closeAll(bigClients.map((b) => b.c));
  await anchor.close();
  return {
    perConnectionBytes: perConnection.heap,
    perIdleDocumentBytes: open.heap / rounds,
    perDocumentAfterUnloadBytes: after.heap / rounds,
    perBigDocumentBytes: dBig.heap / names.big.length - perConnection.heap,
    perConnectionTotalBytes: perConnection.total,
    perIdleDocumentTotalBytes: open.total / rounds,
    perDocumentAfterUnloadTotalBytes: after.total / rounds,
    perBigDocumentTotalBytes: dBig.total / names.big.length - perConnection.total,
    unloadWaitedMs,
    connections: opts.connections,
    documents: opts.docsPerRound,
    rounds,
    bigDocuments: names.big.length,
  };
}

// ─── kill -9 torture ──────────────────────────────────────────────────────────────────────

export interface TortureResult {
  cycles: number;
  editsAcknowledged: number;
  acknowledgedLost: number;
  unacknowledged: number;
  /** kill → the standby process is listening on the same file. */
  restartMs: Summary;
  /** Fresh editor: connect + initial sync, and last edit sent → acknowledged (first after a restart). */
  connectMs: Summary;
  ackMs: Summary;
  cycleMs: Summary;
  durableSignal: boolean;
}

export interface TortureHooks {
  /** A warmed-up standby server child (already spawned). */
  takeStandby(): ServerChild;
  /** Starts a child on the torture database; returns the target to talk to it. */
  go(child: ServerChild): Promise<Target>;
}

/**
 * Each cycle: connect a fresh editor, type `editsPerCycle` edits, wait until the server has
 * acknowledged all of them (its own signal), kill -9 the server at that moment (the editor is
 * still connected), start the standby on the same file, and check with a fresh reader that
 * every edit ever acknowledged is there. Lost = acknowledged but missing after a restart.
 */
export async function tortureRun(
  docName: string,
  cycles: number,
  editsPerCycle: number,
  first: { child: ServerChild; target: Target },
  hooks: TortureHooks,
): Promise<TortureResult> {
  let child = first.child;
  let target = first.target;
  const acked: Array<{ client: number; end: number; lost: boolean }> = [];
  let unacknowledged = 0;
  const restart = new Samples(cycles);
  const connectTimes = new Samples(cycles);
  const ackTimes = new Samples(cycles);
  const cycleTimes = new Samples(cycles);
  for (let cycle = 0; cycle < cycles; cycle++) {
    const c0 = performance.now();
    const writer = new BenchWriter(target, docName, { timeoutMs: 10_000 });
    await writer.connect();
    connectTimes.push(performance.now() - c0);
    const edits = Array.from({ length: editsPerCycle }, () => writer.edit());
    const ackedNow: boolean[] = edits.map(() => false);
    edits.forEach((e, i) => void e.acked.then(() => (ackedNow[i] = true)));
    // Generous: after a restart the first acknowledgement may wait for a writer thread to boot.
    const all = await Promise.race([Promise.all(edits.map((e) => e.acked)), sleep(15_000).then(() => null)]);
    if (all) ackTimes.push(Math.max(...all) - edits.at(-1)!.sentAt);
    // kill -9 in the same macrotask the last acknowledgement arrived in: the editor is still connected.
    child.proc.kill("SIGKILL");
    edits.forEach((e, i) => {
      if (ackedNow[i]) acked.push({ client: writer.doc.clientID, end: e.end, lost: false });
      else unacknowledged++;
    });
    await child.kill9();
    writer.client.ws.terminate();

    const r0 = performance.now();
    child = hooks.takeStandby();
    target = await hooks.go(child);
    restart.push(performance.now() - r0);

    const have = await readStateVector(target, docName, acked);
    for (const a of acked) if (!a.lost && (have.get(a.client) ?? 0) < a.end) a.lost = true;
    cycleTimes.push(performance.now() - c0);
  }
  await child.stop();
  return {
    cycles,
    editsAcknowledged: acked.length,
    acknowledgedLost: acked.filter((a) => a.lost).length,
    unacknowledged,
    restartMs: restart.summary(),
    connectMs: connectTimes.summary(),
    ackMs: ackTimes.summary(),
    cycleMs: cycleTimes.summary(),
    durableSignal: first.target.ack === "saveAck",
  };
}

/**
 * What a fresh reader gets. A server that answers before loading (the reference server) sends
 * the stored state as an update afterwards: wait for that update (there always is stored state:
 * the seed), not for a fixed time that a busy machine could overrun.
 */
async function readStateVector(
  target: Target,
  docName: string,
  acked: Array<{ client: number; end: number; lost: boolean }>,
): Promise<Map<number, number>> {
  const have = new Map<number, number>();
  // Nobody else writes during the check: any plain update is the stored state being delivered.
  let storedStateUpdates = 0;
  const reader = new PeerClient(target, docName, {
    timeoutMs: 10_000,
    events: {
      onUpdate: (payload, step2) => {
        if (!step2) storedStateUpdates++;
        for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(payload))) {
          if ((have.get(client) ?? 0) < clock) have.set(client, clock);
        }
      },
    },
  });
  await reader.connect();
  const complete = () => acked.every((a) => a.lost || (have.get(a.client) ?? 0) >= a.end);
  if (!target.loadsBeforeReply) {
    for (let waited = 0; !complete() && storedStateUpdates === 0 && waited < 5000; waited += 10) await sleep(10);
    await sleep(20);
  }
  await reader.close();
  return have;
}

export { summarize };
