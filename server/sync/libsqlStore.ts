import * as Y from "yjs";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { docSnapshots, docUpdates } from "../../db/schema/index.ts";
import type { DocumentStore } from "./storage.ts";

/** Document storage in libSQL: an append-only update log plus one compacted snapshot per document. */
export class LibsqlDocumentStore implements DocumentStore {
  constructor(private readonly database: Database) {}

  async load(docName: string): Promise<Uint8Array | null> {
    const { db } = this.database;
    const [snapshot] = await db.select().from(docSnapshots).where(eq(docSnapshots.docName, docName)).limit(1);
    const tail = await db
      .select({ update: docUpdates.update })
      .from(docUpdates)
      .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, snapshot?.upToId ?? 0)))
      .orderBy(asc(docUpdates.id));
    if (!snapshot && tail.length === 0) return null;
    const parts = [...(snapshot ? [new Uint8Array(snapshot.state)] : []), ...tail.map((r) => new Uint8Array(r.update))];
    return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  }

  async append(docName: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    const createdAt = new Date().toISOString();
    await this.database.db.insert(docUpdates).values(updates.map((u) => ({ docName, update: Buffer.from(u), createdAt })));
  }

  async logSize(docName: string): Promise<number> {
    const [snapshot] = await this.database.db.select({ upToId: docSnapshots.upToId }).from(docSnapshots).where(eq(docSnapshots.docName, docName)).limit(1);
    const [row] = await this.database.db
      .select({ bytes: sql<number>`coalesce(sum(length(${docUpdates.update})), 0)` })
      .from(docUpdates)
      .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, snapshot?.upToId ?? 0)));
    return Number(row?.bytes ?? 0);
  }

  /**
   * Merges snapshot + tail into a new snapshot and deletes the folded rows, in one transaction:
   * a crash midway leaves the old snapshot and the full log, never a gap.
   */
  async compact(docName: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      const [snapshot] = await tx.select().from(docSnapshots).where(eq(docSnapshots.docName, docName)).limit(1);
      const tail = await tx.select().from(docUpdates)
        .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, snapshot?.upToId ?? 0))).orderBy(asc(docUpdates.id));
      if (tail.length === 0) return;
      const upToId = tail.at(-1)!.id;
      const state = Y.mergeUpdates([...(snapshot ? [new Uint8Array(snapshot.state)] : []), ...tail.map((r) => new Uint8Array(r.update))]);
      const updatedAt = new Date().toISOString();
      await tx.insert(docSnapshots).values({ docName, state: Buffer.from(state), upToId, updatedAt })
        .onConflictDoUpdate({ target: docSnapshots.docName, set: { state: Buffer.from(state), upToId, updatedAt } });
      await tx.delete(docUpdates).where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, upToId)));
    });
  }
}
