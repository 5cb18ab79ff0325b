import { parseDocumentName } from "../../../shared/collab/protocol.ts";
import type { ServiceContext } from "../serviceContext.ts";
import { refreshPointText } from "./refreshPointText.ts";

export interface PointTextWatcher {
  /** Stops listening and drops pending recomputes. */
  stop(): void;
  /** Resolves when no recompute is pending or running (for tests and orderly shutdown). */
  idle(): Promise<void>;
}

/**
 * Keeps every point's cached text hash in step with its durable text: after the sync server
 * stores updates of a point document (`document.stored`), recompute the hash and apply what an
 * edit means for stances, signatures and status. Debounced per document so a burst of typing is
 * one recompute; runs per point one after the other, so two recomputes never race. `ctx` acts
 * as no one (a system step) and brings the clock.
 */
export function watchPointTexts(
  ctx: ServiceContext,
  options: { debounceMs?: number; refresh?: (ctx: ServiceContext, pointId: string) => Promise<unknown> } = {},
): PointTextWatcher {
  const debounceMs = options.debounceMs ?? 200;
  const refresh = options.refresh ?? ((c: ServiceContext, pointId: string) => refreshPointText(c, { pointId }));
  const { deps } = ctx;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const run = (pointId: string) => {
    const previous = running.get(pointId) ?? Promise.resolve();
    const next = previous
      .then(() => (stopped ? null : refresh(ctx, pointId)))
      .then(
        () => undefined,
        (err: unknown) => {
          if (!stopped) console.error(`[points] recomputing the text hash of point ${pointId} failed`, err);
        },
      );
    running.set(pointId, next);
    void next.then(() => {
      if (running.get(pointId) === next) running.delete(pointId);
    });
  };

  const unsubscribe = deps.events.on("document.stored", ({ docName }) => {
    if (stopped) return;
    const parsed = parseDocumentName(docName);
    if (parsed?.kind !== "point" || !parsed.entityId) return;
    const pointId = parsed.entityId;
    clearTimeout(timers.get(pointId));
    const timer = setTimeout(() => {
      timers.delete(pointId);
      run(pointId);
    }, debounceMs);
    timer.unref?.();
    timers.set(pointId, timer);
  });

  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
    async idle() {
      while (timers.size > 0 || running.size > 0) {
        if (running.size > 0) await Promise.all(running.values());
        else await new Promise((r) => setTimeout(r, debounceMs / 4));
      }
    },
  };
}
