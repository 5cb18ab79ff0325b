import { and, eq } from "drizzle-orm";
import { points } from "../../../db/schema/index.ts";
import { isTextLocked, statusAfterTextChange } from "../../../shared/domain/pointStatus.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { isValidSignoff, loadPoint, loadPointState, type LoggedEvent, type PointRow } from "./pointState.ts";
import {
  advanceVersion,
  changeStatus,
  publishOutcome,
  settleAutomatic,
  type PointOutcome,
} from "./pointStatusChange.ts";
import { readDurableText, saveTextVersion, type DurableText } from "./pointText.ts";

export interface TextRefresh extends PointOutcome {
  /** The durable hash differed from the cached one. */
  changed: boolean;
  /** The change voided something or moved the status, so it was logged. */
  logged: boolean;
  text: DurableText;
}

/**
 * Brings a point's cached `textHash` in line with its durable Yjs text. A change that voids
 * something is a logged system event (`point.text_changed`: stances on the old text stop
 * counting, signatures on it become verouderd, both stay on record) and sends an agreement back
 * to `in_bespreking`.
 *
 * A change that voids nothing (typing in a point nobody has taken a position on) only updates
 * the cache: the Yjs update log already keeps every edit, and logging each keystroke burst
 * would bury the workflow in the audit log. See docs/adr/0002-point-workflow.md.
 */
async function applyDurableText(t: TxContext, point: PointRow): Promise<TextRefresh> {
  const text = await readDurableText(t, point);
  const events: LoggedEvent[] = [];
  if (text.hash === point.textHash)
    return { point, events, textLockChanged: false, changed: false, logged: false, text };

  const state = await loadPointState(t.tx, point);
  const staleStances = state.stances.filter((s) => s.textHash === point.textHash && s.stance !== "geen_standpunt");
  const voided = state.signoffs.filter((s) => isValidSignoff(s, point.textHash));
  const target = statusAfterTextChange(point.status);
  const whileLocked = isTextLocked(point.status);

  if (staleStances.length === 0 && voided.length === 0 && !target && !whileLocked) {
    await t.tx
      .update(points)
      .set({ textHash: text.hash, updatedAt: nowIso(t) })
      .where(and(eq(points.id, point.id), eq(points.version, point.version)));
    return {
      point: { ...point, textHash: text.hash },
      events,
      textLockChanged: false,
      changed: true,
      logged: false,
      text,
    };
  }

  const lockedBefore = whileLocked;
  await saveTextVersion(t, point.id, text);
  events.push(
    await appendEvent(t.tx, {
      workspaceId: point.workspaceId,
      type: "point.text_changed",
      entityType: "point",
      entityId: point.id,
      actor: null,
      at: nowIso(t),
      reasoning:
        voided.length > 0
          ? "De tekst is gewijzigd: eerdere ondertekeningen zijn verouderd en tellen niet meer."
          : "De tekst is gewijzigd: eerdere standpunten tellen niet meer.",
      textHash: text.hash,
      data: {
        previousTextHash: point.textHash,
        staleStances: staleStances.map((s) => s.organisationId),
        verouderdeSignoffs: voided.map((s) => s.id),
        // An edit that reached durable storage while the text was locked (a socket that had not
        // yet been re-authorised): recorded, never hidden.
        whileLocked,
      },
    }),
  );
  let next = await advanceVersion(t, point, { textHash: text.hash });
  if (target) {
    next = await changeStatus(
      t,
      next,
      target,
      null,
      {
        reason: "Automatisch: de tekst is gewijzigd, dus eerdere standpunten en ondertekeningen tellen niet meer.",
        text,
        data: { automatic: true, trigger: "point.text_changed" },
      },
      events,
    );
  }
  next = await settleAutomatic(t, next, text, "point.text_changed", events);
  return {
    point: next,
    events,
    textLockChanged: lockedBefore !== isTextLocked(next.status),
    changed: true,
    logged: true,
    text,
  };
}

/**
 * Recomputes a point's text hash from the durable state and applies the consequences; publishes
 * what changed after the commit. A system step (no actor, no authorisation): called by the text
 * watcher after `document.stored`, by every point verb before it acts (see `catchUpText`), and
 * by tests. Inside a caller's transaction it joins that transaction. Unknown points → null.
 */
export async function refreshPointText(ctx: ServiceContext, input: { pointId: string }): Promise<TextRefresh | null> {
  // Cheap path first: most calls find the cache current and need no write transaction.
  const cached = await loadPoint(dbOf(ctx), input.pointId);
  if (!cached) return null;
  const current = await readDurableText(ctx, cached);
  if (current.hash === cached.textHash) {
    return { point: cached, events: [], textLockChanged: false, changed: false, logged: false, text: current };
  }
  return withTransaction(ctx, async (t) => {
    const point = await loadPoint(t.tx, input.pointId);
    if (!point) return null;
    const outcome = await applyDurableText(t, point);
    publishOutcome(t, outcome);
    // A silent hash update (nothing voided or moved) is still news to an open sign-off panel,
    // which must show the hash it would sign. Announced at most once a second per point.
    if (outcome.changed && !outcome.logged) afterCommit(t, () => announceTextHash(t, outcome.point));
    return outcome;
  });
}

/**
 * The catch-up a point verb runs before opening its transaction: a text change that reached
 * storage but not yet the cached hash is applied and committed on its own, so it stands even
 * when the verb is then refused, and the verb binds to the current text.
 *
 * Inside a caller's transaction (a meeting verb moving a point) it does nothing: the change
 * would commit or roll back with the caller's, and the verb would be refused for a consequence
 * (a status the text change moved) instead of the cause. The caller catches up before opening
 * its transaction; a change in between is refused by `assertTextCurrent` with TEXT_CHANGED.
 */
export async function catchUpText(ctx: ServiceContext, pointId: string): Promise<void> {
  if (!ctx.tx) await refreshPointText(ctx, { pointId });
}

// Throttling announcements is about real elapsed time between live events (it pairs with
// setTimeout), not about the domain's time, so it reads the process clock, not ctx.clock.
const HASH_ANNOUNCE_INTERVAL_MS = 1000;
const pendingAnnouncements = new Map<string, { last: number; timer?: ReturnType<typeof setTimeout> }>();

function announceTextHash(ctx: ServiceContext, point: { id: string; workspaceId: string }) {
  const emit = () => {
    pendingAnnouncements.set(point.id, { last: Date.now() });
    ctx.deps.events.emit("workspace.changed", {
      workspaceId: point.workspaceId,
      entity: "point",
      entityId: point.id,
      type: "point.text_hash_updated",
    });
  };
  const state = pendingAnnouncements.get(point.id);
  if (!state || Date.now() - state.last >= HASH_ANNOUNCE_INTERVAL_MS) return emit();
  if (state.timer) return; // a trailing announcement is already due and will carry this change too
  state.timer = setTimeout(emit, HASH_ANNOUNCE_INTERVAL_MS - (Date.now() - state.last));
  state.timer.unref?.();
}
