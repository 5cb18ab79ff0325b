/**
 * Minutes are approved by the parties, not by the secretaris alone (issue 13). The secretaris puts
 * the text to the parties (`ter_vaststelling`: the document locks, its hash is recorded), each
 * invited party's trekker agrees with exactly that text, and the last agreement fixes the minutes
 * (finalizeMinutes). The other road: a later meeting approves them as an agenda item of kind
 * `notulen` (decideAgendaItem). Before putting the text forward, the secretaris sees where the
 * minutes and the recorded decisions do not say the same and must confirm them explicitly.
 */
import { and, eq } from "drizzle-orm";
import { meetings, minutesAgreements } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { AGENDA_DECISION_LABELS, meetingHasStarted } from "../../../shared/domain/meetings.ts";
import { minutesDecisionWarnings } from "../../../shared/domain/agendaBuilder.ts";
import { textHash } from "../../../shared/domain/textHash.ts";
import type { AgreeMinutesInput, MeetingView, RequestMinutesReviewInput } from "../../../shared/schemas/meetings.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { finalizeMinutes, openAmendment } from "./finalizeMinutes.ts";
import { findMeeting, invitedPartyIds, meetingAndMember, tafelParties, type MeetingRow } from "./meetingRecord.ts";
import { blockLines } from "./minutesDiff.ts";
import { listAgenda, presentMeeting } from "./presentMeeting.ts";

/** The parties whose trekker approves: the invited SWVs and gemeenten (other participants do not sign). */
export async function reviewingParties(db: DbOrTx, meeting: MeetingRow): Promise<Array<{ id: string; name: string }>> {
  const invited = (await invitedPartyIds(db, [meeting.id])).get(meeting.id) ?? [];
  return (await tafelParties(db, meeting.workspaceId)).filter((p) => invited.includes(p.id));
}

export async function minutesReviewState(db: DbOrTx, meeting: MeetingRow): Promise<MeetingView["minutesReview"]> {
  if (meeting.minutesStatus !== "ter_vaststelling" || !meeting.minutesReviewHash) return null;
  const agreed = await db
    .select()
    .from(minutesAgreements)
    .where(and(eq(minutesAgreements.meetingId, meeting.id), eq(minutesAgreements.textHash, meeting.minutesReviewHash)));
  return {
    textHash: meeting.minutesReviewHash,
    parties: (await reviewingParties(db, meeting)).map((p) => {
      const a = agreed.find((x) => x.organisationId === p.id);
      return { id: p.id, name: p.name, agreedBy: a?.userName ?? null, agreedAt: a?.at ?? null };
    }),
  };
}

function changed(meetingId: string, workspaceId: string, type: string, t: TxContext, docName: string) {
  afterCommit(t, () => {
    t.deps.events.emit("document.accessChanged", { docName });
    t.deps.events.emit("workspace.changed", { workspaceId, entity: "meeting", entityId: meetingId, type });
  });
}

/** The secretaris puts the minutes to the parties: event `minutes.review_requested` (notify maps it). */
export async function requestMinutesReview(
  ctx: ServiceContext,
  input: RequestMinutesReviewInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "minutes.approve", "Alleen de secretaris legt notulen ter vaststelling voor.");
  if (meeting.status === "geannuleerd")
    throw new ApiError("CONFLICT", "Deze vergadering is geannuleerd; er zijn geen notulen vast te stellen.");
  if (meeting.minutesStatus === "vastgesteld")
    throw new ApiError("CONFLICT", "Deze notulen zijn al vastgesteld. Wijzigen kan via een gelogde wijziging.");
  if (meeting.minutesStatus === "ter_vaststelling")
    throw new ApiError("CONFLICT", "Deze notulen liggen al ter vaststelling bij de partijen.");
  if (!meetingHasStarted(meeting.startsAt, ctx.clock.now()))
    throw new ApiError(
      "CONFLICT",
      "Notulen kunnen pas worden vastgesteld vanaf het aanvangstijdstip van de vergadering.",
    );

  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  const json = await ctx.deps.documents.readJson(docName);
  if (blockLines(json).length === 0) throw new ApiError("CONFLICT", "De notulen zijn nog leeg.");
  const hash = textHash(json);
  if (input.textHash && input.textHash !== hash)
    throw new ApiError(
      "TEXT_CHANGED",
      "De notulen zijn gewijzigd sinds u ze las. Lees de huidige tekst en leg die voor.",
      "textHash",
    );
  const warnings = minutesDecisionWarnings(json, await listAgenda(dbOf(ctx), meeting.id), AGENDA_DECISION_LABELS);
  if (warnings.length && !input.acceptWarnings)
    throw new ApiError(
      "MINUTES_DECISION_MISMATCH",
      `De notulen en de vastgelegde besluiten zeggen niet hetzelfde: ${warnings.map((w) => w.message).join(" ")} Pas de notulen aan, of bevestig dat u ze zo voorlegt.`,
      "acceptWarnings",
    );
  const parties = await reviewingParties(dbOf(ctx), meeting);

  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const updated = await t.tx
      .update(meetings)
      .set({ minutesStatus: "ter_vaststelling", minutesReviewHash: hash, version: meeting.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
      .returning({ id: meetings.id });
    if (updated.length === 0)
      throw new ApiError(
        "VERSION_CONFLICT",
        "Deze vergadering is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.",
      );
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "minutes.review_requested",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      fromStatus: meeting.minutesStatus,
      toStatus: "ter_vaststelling",
      textHash: hash,
      data: {
        document: docName,
        title: meeting.title,
        partyIds: parties.map((p) => p.id),
        // What the secretaris confirmed: the log shows a contradiction was put forward knowingly.
        warnings: warnings.map((w) => w.message),
      },
    });
    changed(meeting.id, meeting.workspaceId, "minutes.review_requested", t, docName);
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}

/** The secretaris takes the minutes back (to correct them); agreements given so far lapse with the text. */
export async function withdrawMinutesReview(ctx: ServiceContext, input: { meetingId: string }): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "minutes.approve", "Alleen de secretaris neemt notulen terug.");
  if (meeting.minutesStatus !== "ter_vaststelling")
    throw new ApiError("CONFLICT", "Deze notulen liggen niet ter vaststelling bij de partijen.");
  const back = (await openAmendment(dbOf(ctx), meeting.id)) ? "in_wijziging" : "concept";
  const docName = documentNames.minutes(meeting.workspaceId, meeting.id);
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const updated = await t.tx
      .update(meetings)
      .set({ minutesStatus: back, minutesReviewHash: null, version: meeting.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
      .returning({ id: meetings.id });
    if (updated.length === 0)
      throw new ApiError(
        "VERSION_CONFLICT",
        "Deze vergadering is intussen gewijzigd. Laad haar opnieuw en probeer het nog eens.",
      );
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "minutes.review_withdrawn",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      fromStatus: "ter_vaststelling",
      toStatus: back,
      textHash: meeting.minutesReviewHash,
      data: { document: docName },
    });
    changed(meeting.id, meeting.workspaceId, "minutes.review_withdrawn", t, docName);
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}

/**
 * A trekker agrees, for their own party, with the minutes put forward (exactly the text with this
 * hash). The last party's agreement fixes the minutes in the same transaction.
 */
export async function agreeMinutes(
  ctx: ServiceContext,
  input: AgreeMinutesInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(
    member,
    "minutes.agree",
    "Alleen de ambtelijk trekker van een partij stemt namens die partij in met de notulen.",
  );
  if (meeting.minutesStatus !== "ter_vaststelling" || !meeting.minutesReviewHash)
    throw new ApiError("CONFLICT", "Deze notulen liggen niet ter vaststelling bij de partijen.");
  if (input.textHash !== meeting.minutesReviewHash)
    throw new ApiError(
      "TEXT_CHANGED",
      "Dit is niet de tekst die ter vaststelling ligt. Laad de notulen opnieuw en lees de huidige tekst.",
      "textHash",
    );
  const parties = await reviewingParties(dbOf(ctx), meeting);
  const party = parties.find((p) => p.id === member.partyId);
  if (!party)
    throw new ApiError(
      "FORBIDDEN",
      "Uw partij was niet uitgenodigd voor deze vergadering en stelt de notulen niet vast.",
    );

  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const inserted = await t.tx
      .insert(minutesAgreements)
      .values({
        id: newId(),
        meetingId: meeting.id,
        organisationId: party.id,
        textHash: meeting.minutesReviewHash!,
        userId: member.userId,
        userName: member.userName,
        at: now,
      })
      .onConflictDoNothing()
      .returning({ id: minutesAgreements.id });
    if (inserted.length === 0) throw new ApiError("CONFLICT", `${party.name} heeft al ingestemd met deze notulen.`);
    await appendEvent(t.tx, {
      workspaceId: meeting.workspaceId,
      type: "minutes.party_agreed",
      entityType: "meeting",
      entityId: meeting.id,
      actor: member,
      at: now,
      textHash: meeting.minutesReviewHash,
      data: { partyId: party.id, partyName: party.name },
    });
    const agreed = await t.tx
      .select({ organisationId: minutesAgreements.organisationId })
      .from(minutesAgreements)
      .where(
        and(eq(minutesAgreements.meetingId, meeting.id), eq(minutesAgreements.textHash, meeting.minutesReviewHash!)),
      );
    const missing = parties.filter((p) => !agreed.some((a) => a.organisationId === p.id));
    const fresh = (await findMeeting(t.tx, meeting.id))!;
    if (missing.length === 0) {
      await finalizeMinutes(t, fresh, { userId: member.userId, userName: member.userName, via: "partijen" }, member);
    } else {
      await t.tx
        .update(meetings)
        .set({ version: fresh.version + 1, updatedAt: now })
        .where(eq(meetings.id, meeting.id));
      afterCommit(t, () =>
        ctx.deps.events.emit("workspace.changed", {
          workspaceId: meeting.workspaceId,
          entity: "meeting",
          entityId: meeting.id,
          type: "minutes.party_agreed",
        }),
      );
    }
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}
