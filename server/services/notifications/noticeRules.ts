/**
 * Which log events tell whom what: the one mapping table of the notification engine. A feature
 * produces notices just by appending its events; to add one, add its event type below with a
 * rule that names the recipients and says why each gets it.
 *
 * Rules run inside the engine's transaction, shortly after the event committed, and read the
 * current state (who is a member now, who signed now): a person who left the tafel or already
 * acted gets nothing. Only members whose role reads content get notices, and each notice is
 * about their own party's part, so nothing internal to another party leaks.
 */
import { eq, inArray } from "drizzle-orm";
import { meetingParties, meetings, memberships, organisations, signoffs, users } from "../../../db/schema/index.ts";
import type { NotificationKind } from "../../../shared/domain/notifications.ts";
import { formatDate, formatDateTime } from "../../../shared/domain/dates.ts";
import { SIGNABLE_STATUSES, isPointStatus, statusLabel } from "../../../shared/domain/pointStatus.ts";
import { can, type Capability, type Role } from "../../../shared/domain/roles.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { loadPoint, loadPointState, type AuditRow, type PointState } from "../points/pointState.ts";
import { commentForMe } from "./commentNotices.ts";

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  role: Role;
  partyId: string | null;
  partyName: string | null;
}

/** One notice for one person, before the engine stores (and maybe mails) it. */
export interface NoticeDraft {
  kind: NotificationKind;
  recipient: Recipient;
  entityType: string;
  entityId: string;
  title: string;
  reason: string;
  /** In-app path, "/tafels/<id>/…". */
  path: string;
}

/** Read helpers shared by the rules of one batch (memberships are read once per tafel). */
export class RuleEnv {
  private readonly members = new Map<string, Promise<Recipient[]>>();
  constructor(readonly db: DbOrTx) {}

  membersOf(workspaceId: string): Promise<Recipient[]> {
    let found = this.members.get(workspaceId);
    if (!found) {
      found = this.db
        .select({
          userId: memberships.userId,
          email: users.email,
          name: users.name,
          role: memberships.role,
          partyId: memberships.organisationId,
          partyName: organisations.name,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.workspaceId, workspaceId))
        .then((rows) => rows.filter((r) => can(r.role, "content.read")));
      this.members.set(workspaceId, found);
    }
    return found;
  }

  /** Members of the tafel who hold `capability` for one of `partyIds`. */
  async partyMembers(workspaceId: string, partyIds: readonly string[], capability: Capability): Promise<Recipient[]> {
    return (await this.membersOf(workspaceId)).filter(
      (m) => m.partyId !== null && partyIds.includes(m.partyId) && can(m.role, capability),
    );
  }

  async pointState(pointId: string): Promise<PointState | null> {
    const point = await loadPoint(this.db, pointId);
    return point ? loadPointState(this.db, point) : null;
  }
}

type Rule = (event: AuditRow, env: RuleEnv) => Promise<NoticeDraft[]>;

const pointPath = (s: PointState) => `/tafels/${s.point.workspaceId}/punten/${s.point.id}`;

function dataOf(event: AuditRow): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(event.data);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** A point waits for the signatures of the bestuurders whose party has not signed its current text. */
const signatureRequested: Rule = async (event, env) => {
  if (!isPointStatus(event.toStatus) || !SIGNABLE_STATUSES.includes(event.toStatus)) return [];
  const state = await env.pointState(event.entityId);
  if (state?.point.status !== event.toStatus) return [];
  const unsigned = state.parties.filter(
    (p) => !state.signoffs.some((s) => s.organisationId === p.id && s.textHash === state.point.textHash),
  );
  const signers = await env.partyMembers(
    state.point.workspaceId,
    unsigned.map((p) => p.id),
    "point.signoff",
  );
  return signers.map((recipient) => ({
    kind: "signature_requested",
    recipient,
    entityType: "point",
    entityId: state.point.id,
    title: `Ondertekenen: ${state.point.title}`,
    reason: `U ondertekent namens ${recipient.partyName ?? "uw partij"}. Het punt is nu ${statusLabel(state.point.status).toLowerCase()} en wacht op de handtekening van uw partij.`,
    path: pointPath(state),
  }));
};

/**
 * Signatures stopped counting (a text change today, "Heropenen" later): every signer of a voided
 * signature and the trekkers of the parties in scope hear of it. Reads the voided signature ids
 * from `data.verouderdeSignoffs` (point.text_changed) or `data.voidedSignoffs`.
 */
const signatureVoided: Rule = async (event, env) => {
  const data = dataOf(event);
  const ids = [...stringList(data.verouderdeSignoffs), ...stringList(data.voidedSignoffs)];
  if (ids.length === 0) return [];
  const state = await env.pointState(event.entityId);
  if (!state) return [];
  const voided = await env.db.select().from(signoffs).where(inArray(signoffs.id, ids));
  const members = await env.membersOf(state.point.workspaceId);
  const why =
    event.type === "point.text_changed"
      ? "De tekst is daarna gewijzigd, dus deze handtekening telt niet meer."
      : `De tekst is heropend${event.reasoning ? ` (reden: ${event.reasoning})` : ""}, dus deze handtekening telt niet meer.`;
  const drafts: NoticeDraft[] = [];
  const seen = new Set<string>();
  for (const s of voided) {
    const recipient = members.find((m) => m.userId === s.userId);
    if (!recipient || seen.has(recipient.userId)) continue;
    seen.add(recipient.userId);
    drafts.push({
      kind: "signature_voided",
      recipient,
      entityType: "point",
      entityId: state.point.id,
      title: `Handtekening vervallen: ${state.point.title}`,
      reason: `U ondertekende deze tekst op ${formatDate(s.signedAt)} namens ${recipient.partyName ?? "uw partij"}. ${why}`,
      path: pointPath(state),
    });
  }
  const trekkers = await env.partyMembers(
    state.point.workspaceId,
    state.parties.map((p) => p.id),
    "stance.record",
  );
  for (const recipient of trekkers) {
    if (seen.has(recipient.userId)) continue;
    seen.add(recipient.userId);
    drafts.push({
      kind: "signature_voided",
      recipient,
      entityType: "point",
      entityId: state.point.id,
      title: `Handtekening vervallen: ${state.point.title}`,
      reason: `U bent ambtelijk trekker voor ${recipient.partyName ?? "uw partij"}, die in de scope van dit punt valt. ${why}`,
      path: pointPath(state),
    });
  }
  return drafts;
};

/** A point in bespreking waits for the stance of each party in scope that has none on its current text. */
const stanceRequested: Rule = async (event, env) => {
  const state = await env.pointState(event.entityId);
  if (state?.point.status !== "in_bespreking") return [];
  if (event.type === "point.status_changed" && event.toStatus !== "in_bespreking") return [];
  const open = state.parties.filter(
    (p) =>
      !state.stances.some(
        (s) => s.organisationId === p.id && s.textHash === state.point.textHash && s.stance !== "geen_standpunt",
      ),
  );
  const trekkers = await env.partyMembers(
    state.point.workspaceId,
    open.map((p) => p.id),
    "stance.record",
  );
  return trekkers.map((recipient) => ({
    kind: "stance_requested",
    recipient,
    entityType: "point",
    entityId: state.point.id,
    title: `Standpunt gevraagd: ${state.point.title}`,
    reason: `U bent ambtelijk trekker voor ${recipient.partyName ?? "uw partij"}; het punt is in bespreking en uw partij heeft nog geen standpunt over de huidige tekst.`,
    path: pointPath(state),
  }));
};

/**
 * A convocatie: the members the event names (`data.recipientUserIds`), or else the members of
 * the invited parties and those who act for the tafel as a whole (the secretaris).
 */
const meetingInvitation: Rule = async (event, env) => {
  const [meeting] = await env.db.select().from(meetings).where(eq(meetings.id, event.entityId)).limit(1);
  if (!meeting) return [];
  const members = await env.membersOf(meeting.workspaceId);
  const named = stringList(dataOf(event).recipientUserIds);
  let invited: Recipient[];
  if (named.length > 0) invited = members.filter((m) => named.includes(m.userId));
  else {
    const parties = await env.db
      .select({ id: meetingParties.organisationId })
      .from(meetingParties)
      .where(eq(meetingParties.meetingId, meeting.id));
    const ids = parties.map((p) => p.id);
    invited = members.filter((m) => m.partyId === null || ids.length === 0 || ids.includes(m.partyId));
  }
  return invited.map((recipient) => ({
    kind: "meeting_invitation",
    recipient,
    entityType: "meeting",
    entityId: meeting.id,
    title: `Uitnodiging: ${meeting.title}, ${formatDateTime(meeting.startsAt)}`,
    reason: `U bent uitgenodigd als deelnemer${recipient.partyName ? ` namens ${recipient.partyName}` : ""}.`,
    path: `/tafels/${meeting.workspaceId}/vergaderingen/${meeting.id}`,
  }));
};

/** Minutes to check: the trekkers of the invited parties (they agree on them for their party). */
const minutesToReview: Rule = async (event, env) => {
  const [meeting] = await env.db.select().from(meetings).where(eq(meetings.id, event.entityId)).limit(1);
  if (!meeting) return [];
  const parties = await env.db
    .select({ id: meetingParties.organisationId })
    .from(meetingParties)
    .where(eq(meetingParties.meetingId, meeting.id));
  const members = await env.membersOf(meeting.workspaceId);
  const ids = parties.map((p) => p.id);
  const reviewers = members.filter(
    (m) => can(m.role, "stance.record") && m.partyId !== null && (ids.length === 0 || ids.includes(m.partyId)),
  );
  return reviewers.map((recipient) => ({
    kind: "minutes_to_review",
    recipient,
    entityType: "meeting",
    entityId: meeting.id,
    title: `Verslag ter controle: ${meeting.title}`,
    reason: `U bent ambtelijk trekker voor ${recipient.partyName ?? "uw partij"}; uw partij stemt in met het verslag.`,
    path: `/tafels/${meeting.workspaceId}/vergaderingen/${meeting.id}`,
  }));
};

/**
 * Event type → the rules it triggers. Event names of features still being built (the convocatie,
 * minutes sent for review, "Heropenen") are listed so their notices work the moment those events
 * are appended; rename here if they land under another name.
 */
export const NOTICE_RULES: Record<string, readonly Rule[]> = {
  "point.status_changed": [signatureRequested, stanceRequested],
  "point.text_changed": [signatureVoided, stanceRequested],
  "point.reopened": [signatureVoided, stanceRequested],
  // Event names of server/services/meetings (convocation.ts, minutesReview.ts).
  "meeting.convened": [meetingInvitation],
  "minutes.review_requested": [minutesToReview],
  // A comment or reply naming a person or a party (all-party threads; internal notes: commentNotices.ts).
  "comment.opened": [commentForMe],
  "comment.replied": [commentForMe],
};

/** The notices one event makes; never to the person who acted (they know what they just did). */
export async function noticesFor(event: AuditRow, env: RuleEnv): Promise<NoticeDraft[]> {
  const rules = NOTICE_RULES[event.type];
  if (!rules) return [];
  const drafts: NoticeDraft[] = [];
  for (const rule of rules) drafts.push(...(await rule(event, env)));
  return drafts.filter((d) => d.recipient.userId !== event.actorUserId);
}
