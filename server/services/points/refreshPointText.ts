import { and, eq } from "drizzle-orm";
import { points } from "../../../db/schema/index.ts";
import { writeTransaction, type WriteTx } from "../../../db/writeLock.ts";
import { isTextLocked, statusAfterTextChange } from "../../../shared/domain/pointStatus.ts";
import type { AppDeps } from "../../context.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import {
  advanceVersion, changeStatus, loadPoint, loadPointState, publishOutcome, readDurableText, saveTextVersion, settleAutomatic,
  type AuditRow, type DurableText, type PointOutcome, type PointRow,
} from "./pointRecords.ts";

export interface TextRefresh extends PointOutcome {
  /** The durable hash differed from the cached one. */
  changed: boolean;
  /** The change voided something or moved the status, so it was logged. */
  logged: boolean;
  text: DurableText;
}

/**
 * Brings a point's cached `textHash` in line with its durable Yjs text, inside the caller's
 * write transaction. A change that voids something is a logged system event
 * (`point.text_changed`: stances on the old text stop counting, signatures on it become
 * verouderd, both stay on record) and sends an agreement back to `in_bespreking`.
 *
 * A change that voids nothing (typing in a point nobody has taken a position on) only updates
 * the cache: the Yjs update log already keeps every edit, and logging each keystroke burst
 * would bury the workflow in the audit log. See docs/adr/0002-point-workflow.md.
 */
export async function applyDurableText(tx: WriteTx, deps: AppDeps, point: PointRow): Promise<TextRefresh> {
  const text = await readDurableText(deps, point);
  const events: AuditRow[] = [];
  if (text.hash === point.textHash) return { point, events, textLockChanged: false, changed: false, logged: false, text };

  const state = await loadPointState(tx, point);
  const staleStances = state.stances.filter((s) => s.textHash === point.textHash && s.stance !== "geen_standpunt");
  const voided = state.signoffs.filter((s) => s.textHash === point.textHash);
  const target = statusAfterTextChange(point.status);
  const whileLocked = isTextLocked(point.status);

  if (staleStances.length === 0 && voided.length === 0 && !target && !whileLocked) {
    await tx.update(points).set({ textHash: text.hash, updatedAt: new Date().toISOString() })
      .where(and(eq(points.id, point.id), eq(points.version, point.version)));
    return { point: { ...point, textHash: text.hash }, events, textLockChanged: false, changed: true, logged: false, text };
  }

  const lockedBefore = whileLocked;
  await saveTextVersion(tx, point.id, text);
  events.push(await appendEvent(tx, {
    workspaceId: point.workspaceId, type: "point.text_changed", entityType: "point", entityId: point.id, actor: null,
    reasoning: voided.length > 0
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
  }) as AuditRow);
  let next = await advanceVersion(tx, point, { textHash: text.hash });
  if (target) {
    next = await changeStatus(tx, next, target, null, {
      reason: "Automatisch: de tekst is gewijzigd, dus eerdere standpunten en ondertekeningen tellen niet meer.",
      text, data: { automatic: true, trigger: "point.text_changed" },
    }, events);
  }
  next = await settleAutomatic(tx, next, text, "point.text_changed", events);
  return { point: next, events, textLockChanged: lockedBefore !== isTextLocked(next.status), changed: true, logged: true, text };
}

/**
 * Recomputes a point's text hash from the durable state and applies the consequences in its
 * own transaction; publishes what changed. Called by the text watcher after `document.stored`,
 * by every verb before it acts, and by tests. Unknown points are ignored (null).
 */
export async function refreshPointText(deps: AppDeps, pointId: string): Promise<TextRefresh | null> {
  // Cheap path first: most calls find the cache current and need no write transaction.
  const cached = await loadPoint(deps.database.db, pointId);
  if (!cached) return null;
  const current = await readDurableText(deps, cached);
  if (current.hash === cached.textHash) {
    return { point: cached, events: [], textLockChanged: false, changed: false, logged: false, text: current };
  }
  const outcome = await writeTransaction(deps.database, async (tx) => {
    const point = await loadPoint(tx, pointId);
    return point ? applyDurableText(tx, deps, point) : null;
  });
  if (outcome) publishOutcome(deps, outcome);
  // A silent hash update (nothing voided or moved) is still news to an open sign-off panel, which
  // must show the hash it would sign. Announce it at most once a second per point while typing.
  if (outcome?.changed && !outcome.logged) announceTextHash(deps, outcome.point);
  return outcome;
}

const HASH_ANNOUNCE_INTERVAL_MS = 1000;
const pendingAnnouncements = new Map<string, { last: number; timer?: ReturnType<typeof setTimeout> }>();

function announceTextHash(deps: AppDeps, point: { id: string; workspaceId: string }) {
  const emit = () => {
    pendingAnnouncements.set(point.id, { last: Date.now() });
    deps.events.emit("workspace.changed", { workspaceId: point.workspaceId, entity: "point", entityId: point.id, type: "point.text_hash_updated" });
  };
  const state = pendingAnnouncements.get(point.id);
  if (!state || Date.now() - state.last >= HASH_ANNOUNCE_INTERVAL_MS) return emit();
  if (state.timer) return; // a trailing announcement is already due and will carry this change too
  state.timer = setTimeout(emit, HASH_ANNOUNCE_INTERVAL_MS - (Date.now() - state.last));
  state.timer.unref?.();
}
