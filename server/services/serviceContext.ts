/**
 * The one shape every service verb has: `verb(ctx, input)`.
 *
 * `ctx` carries what a verb needs from outside — the app's dependencies, who acts, what time it
 * is — and, inside a write transaction, the transaction. Verbs compose by passing their ctx on:
 * `withTransaction` joins an outer transaction instead of queueing behind it (which would wait
 * for itself), so a meeting decision calls the point transition verb and both commit or roll back
 * together. Work that must only happen after the commit (live events, sync re-authorisation)
 * is registered with `afterCommit` and runs once, after the outermost commit. See ADR 0009.
 */
import type { Db } from "../../db/client.ts";
import { writeTransaction, type WriteTx } from "../../db/writeLock.ts";
import type { AppDeps, Caller } from "../context.ts";

/** Where verbs read the time. Production uses the system clock; the demo walks through a year. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ServiceContext {
  deps: AppDeps;
  /** Who acts: the signed-in person. `null` only for the system's own steps (e.g. a term that ran out). */
  actor: Caller | null;
  clock: Clock;
  /** Set inside `withTransaction`; nested verbs join it. */
  tx?: WriteTx;
  /** Callbacks for after the outermost commit; present exactly when `tx` is. */
  afterCommitQueue?: Array<() => void>;
}

export interface TxContext extends ServiceContext {
  tx: WriteTx;
  afterCommitQueue: Array<() => void>;
}

export interface ContextOptions {
  actor?: Caller | null;
  clock?: Clock;
}

export function createContext(deps: AppDeps, options: ContextOptions = {}): ServiceContext {
  return { deps, actor: options.actor ?? null, clock: options.clock ?? systemClock };
}

/** The same context acting as someone else (tests and the demo act as several people). */
export function actingAs(ctx: ServiceContext, actor: Caller | null): ServiceContext {
  return { ...ctx, actor };
}

/** The current time as stored in the database and in the log (ISO 8601, UTC). */
export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

/** Reads join the transaction when there is one, so a verb sees its own uncommitted writes. */
export function dbOf(ctx: ServiceContext): Db | WriteTx {
  return ctx.tx ?? ctx.deps.database.db;
}

/**
 * Runs `fn` in a write transaction. Inside another verb's transaction it joins that one: no new
 * BEGIN, no wait in the write queue, and an exception rolls the whole outer transaction back.
 * Callbacks registered with `afterCommit` run after the outermost commit, never after a rollback.
 */
export async function withTransaction<T>(ctx: ServiceContext, fn: (ctx: TxContext) => Promise<T>): Promise<T> {
  if (ctx.tx && ctx.afterCommitQueue) return fn(ctx as TxContext);
  const queue: Array<() => void> = [];
  const result = await writeTransaction(ctx.deps.database, (tx) => fn({ ...ctx, tx, afterCommitQueue: queue }));
  for (const callback of queue) callback();
  return result;
}

/** Runs `callback` after the outermost commit, or now when `ctx` is not in a transaction. */
export function afterCommit(ctx: ServiceContext, callback: () => void): void {
  if (ctx.afterCommitQueue) ctx.afterCommitQueue.push(callback);
  else callback();
}
