/**
 * In-process queue for write transactions on one database.
 *
 * The local libSQL driver runs statements synchronously. When one connection of this process
 * holds the write lock (BEGIN IMMEDIATE) across an `await` and a second connection of the same
 * process issues BEGIN IMMEDIATE, the second busy-waits ON THE EVENT LOOP: the holder can never
 * resume to commit, so both stall for the full busy timeout and one fails with SQLITE_BUSY.
 * Measured: two concurrent drizzle transactions → 5 s stall, then SQLITE_BUSY.
 * Queueing write transactions in-process removes that; other processes and worker threads are
 * still serialised by the database itself (their wait does not block this event loop).
 *
 * Never nest: calling writeTransaction inside one would wait for itself. Service verbs do not
 * call it directly: they use `withTransaction(ctx, fn)` (server/services/serviceContext.ts),
 * which joins the transaction a calling verb already holds instead of queueing behind it.
 */
import type { Database, Db } from "./client.ts";

const queues = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every earlier queued write on this database has settled. */
export function withWriteLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(database.client) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  queues.set(
    database.client,
    run.catch(() => undefined),
  );
  return run;
}

export type WriteTx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A write transaction (BEGIN IMMEDIATE) that waits its turn in this process instead of busy-waiting. */
export function writeTransaction<T>(database: Database, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  return withWriteLock(database, () => database.db.transaction(fn));
}
