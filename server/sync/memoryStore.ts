import * as Y from "yjs";
import { screenParts } from "./screenParts.ts";
import type { CompactionResult, DocumentStore, QuarantineEntry, StoredDocument, StoredUpdate } from "./storage.ts";

/**
 * A DocumentStore in memory with the same contract as the libSQL one (snapshot + log, compaction
 * that keeps later rows). For tests of the sync core and for benchmarks that must exclude disk.
 * `failLoads` / `failAppends` let a test simulate a broken database.
 */
export class MemoryDocumentStore implements DocumentStore {
  readonly #snapshots = new Map<string, { state: Uint8Array; upToId: number }>();
  readonly #log: Array<{ id: number; docName: string; update: Uint8Array }> = [];
  #nextId = 1;
  loads = 0;
  /** What loads left out (the libSQL store keeps these in sync_quarantine). */
  readonly quarantine: QuarantineEntry[] = [];
  failLoads = false;
  failAppends = false;

  async load(docName: string): Promise<Uint8Array | null> {
    const { parts } = await this.loadParts(docName);
    return parts.length === 0 ? null : Y.mergeUpdates(parts);
  }

  // Nothing here waits, but the contract is a Promise: a simulated failure rejects, like the
  // libSQL store, instead of throwing at the caller.
  loadParts(docName: string): Promise<StoredDocument> {
    this.loads++;
    if (this.failLoads) return Promise.reject(new Error("memory store: load failed (simulated)"));
    const snapshot = this.#snapshots.get(docName);
    const tail = this.#log.filter((row) => row.docName === docName && row.id > (snapshot?.upToId ?? 0));
    const { parts, quarantined } = screenParts(
      docName,
      snapshot ? { id: snapshot.upToId, update: snapshot.state } : null,
      tail,
    );
    this.quarantine.push(...quarantined);
    return Promise.resolve({
      parts,
      logBytes: tail.reduce((sum, row) => sum + row.update.byteLength, 0),
      logRows: tail.length,
      quarantined,
    });
  }

  append(docName: string, updates: Uint8Array[]): Promise<void> {
    return this.appendMany(updates.map((update) => ({ docName, update })));
  }

  appendMany(entries: readonly StoredUpdate[]): Promise<void> {
    if (this.failAppends) return Promise.reject(new Error("memory store: append failed (simulated)"));
    for (const entry of entries)
      this.#log.push({ id: this.#nextId++, docName: entry.docName, update: entry.update.slice() });
    return Promise.resolve();
  }

  compact(docName: string): Promise<CompactionResult | null> {
    const snapshot = this.#snapshots.get(docName);
    const tail = this.#log.filter((row) => row.docName === docName && row.id > (snapshot?.upToId ?? 0));
    if (tail.length === 0) return Promise.resolve(null);
    const screened = screenParts(docName, snapshot ? { id: snapshot.upToId, update: snapshot.state } : null, tail);
    this.quarantine.push(...screened.quarantined);
    const state = Y.mergeUpdates(screened.parts);
    const upToId = tail.at(-1)!.id;
    this.#snapshots.set(docName, { state, upToId });
    for (let i = this.#log.length - 1; i >= 0; i--) {
      const row = this.#log[i]!;
      if (row.docName === docName && row.id <= upToId) this.#log.splice(i, 1);
    }
    return Promise.resolve({
      foldedRows: tail.length,
      foldedBytes: tail.reduce((s, r) => s + r.update.byteLength, 0),
      snapshotBytes: state.byteLength,
    });
  }
}
