/**
 * Changing a point inside a verb's transaction: the optimistic-concurrency version gate, a
 * logged status change, the automatic steps the rules take by themselves, and publishing what
 * changed after the commit.
 */
import { and, eq } from "drizzle-orm";
import { points } from "../../../db/schema/index.ts";
import { automaticTransition, isTextLocked, type PointStatus } from "../../../shared/domain/pointStatus.ts";
import type { MembershipContext } from "../../context.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { loadPointState, type LoggedEvent, type PointRow } from "./pointState.ts";
import { pointDocumentName, saveTextVersion, type DurableText } from "./pointText.ts";

export interface PointOutcome {
  point: PointRow;
  /** The log entries this change appended, in order. */
  events: LoggedEvent[];
  /** The text went from editable to locked or back: open editors must re-authorise. */
  textLockChanged: boolean;
}

/** What a point verb acting for a member returns: the outcome and the membership it acted with (to present the point to them). */
export interface PointChange extends PointOutcome {
  member: MembershipContext;
}

const versionConflict = () =>
  new ApiError(
    "VERSION_CONFLICT",
    "Iemand anders heeft dit punt net gewijzigd. Laad het punt opnieuw en probeer het nog eens.",
  );

/** Throws VERSION_CONFLICT when the caller's expected version is stale. */
export function assertExpectedVersion(point: PointRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== point.version) throw versionConflict();
}

/**
 * The optimistic-concurrency gate: applies `patch` and increments the version only if the row
 * still has the version this request read. Inside a write transaction no other writer can slip
 * in, and the WHERE makes a second request with the same expectation fail even so.
 */
export async function advanceVersion(
  t: TxContext,
  point: PointRow,
  patch: Partial<Pick<PointRow, "status" | "textHash" | "title" | "termMonths" | "sectionKey">> = {},
): Promise<PointRow> {
  const updatedAt = nowIso(t);
  const result = await t.tx
    .update(points)
    .set({ ...patch, version: point.version + 1, updatedAt })
    .where(and(eq(points.id, point.id), eq(points.version, point.version)));
  if (result.rowsAffected !== 1) throw versionConflict();
  return { ...point, ...patch, version: point.version + 1, updatedAt };
}

export interface StatusChangeOptions {
  reason: string;
  text: DurableText;
  /** Extra event data, e.g. { meetingId } or { automatic: true, trigger }. */
  data?: Record<string, unknown>;
}

/** Moves the status (cache) and logs the move in the same transaction. */
export async function changeStatus(
  t: TxContext,
  point: PointRow,
  to: PointStatus,
  actor: MembershipContext | null,
  options: StatusChangeOptions,
  events: LoggedEvent[],
): Promise<PointRow> {
  await saveTextVersion(t, point.id, options.text);
  events.push(
    await appendEvent(t.tx, {
      workspaceId: point.workspaceId,
      type: "point.status_changed",
      entityType: "point",
      entityId: point.id,
      actor,
      at: nowIso(t),
      fromStatus: point.status,
      toStatus: to,
      reasoning: options.reason,
      textHash: options.text.hash,
      data: { ...(options.data ?? {}), textLocked: isTextLocked(to) },
    }),
  );
  return advanceVersion(t, point, { status: to });
}

const AUTOMATIC_REASONS: Partial<Record<PointStatus, string>> = {
  ambtelijk_akkoord: "Automatisch: alle partijen in de scope zijn ambtelijk akkoord met de huidige tekst.",
  in_bespreking: "Automatisch: niet langer alle partijen in de scope zijn ambtelijk akkoord met de huidige tekst.",
  overeenstemming: "Automatisch: alle partijen in de scope hebben de huidige tekst ondertekend.",
};

/**
 * Takes the steps the rules take by themselves (ambtelijk akkoord after the last akkoord,
 * overeenstemming after the last signature, back to bespreking when an akkoord is withdrawn),
 * each as its own logged system event. `cause` names the change that triggered them.
 */
export async function settleAutomatic(
  t: TxContext,
  point: PointRow,
  text: DurableText,
  cause: string,
  events: LoggedEvent[],
): Promise<PointRow> {
  for (let i = 0; i < 4; i++) {
    const state = await loadPointState(t.tx, point);
    const next = automaticTransition(point.status, state.facts);
    if (!next) return point;
    point = await changeStatus(
      t,
      point,
      next,
      null,
      {
        reason: AUTOMATIC_REASONS[next] ?? "Automatische stap.",
        text,
        data: { automatic: true, trigger: cause },
      },
      events,
    );
  }
  return point;
}

/**
 * After the (outermost) commit: tell open clients of the tafel (SSE) and, if the lock flipped,
 * the sync server. Never after a rollback.
 */
export function publishOutcome(ctx: ServiceContext, outcome: PointOutcome): void {
  const { point } = outcome;
  const { events } = ctx.deps;
  afterCommit(ctx, () => {
    for (const event of outcome.events) {
      events.emit("workspace.changed", {
        workspaceId: point.workspaceId,
        entity: "point",
        entityId: point.id,
        type: event.type,
      });
    }
    if (outcome.textLockChanged) events.emit("document.accessChanged", { docName: pointDocumentName(point) });
  });
}
