/**
 * The convocatie, as a gemeente's council software sends it: the secretaris sends every invited
 * member a mail with a calendar invitation (.ics, METHOD:REQUEST, one UID per meeting) and the
 * agenda as a PDF with the fixed texts as vergaderstukken. A change to the meeting after that
 * sends an update (SEQUENCE + 1) to the same people; a cancellation sends METHOD:CANCEL. Each
 * sending is an audit event (`meeting.convened`, `meeting.convocation_updated`,
 * `meeting.convocation_cancelled`) in the transaction that queues the mails (docs/mail.md).
 */
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { agendaItems, meetingParties, meetings, memberships, users, workspaces } from "../../../db/schema/index.ts";
import { instantToNlLocal, OOGO_TIME_ZONE } from "../../../shared/domain/dates.ts";
import { MEETING_TYPE_LABELS } from "../../../shared/domain/meetings.ts";
import { formatMeetingTime } from "../../../shared/domain/meetingTimes.ts";
import { AGENDA_ITEM_KIND_LABELS } from "../../../shared/domain/agendaBuilder.ts";
import { can } from "../../../shared/domain/roles.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";
import type { ConveneInput, MeetingView } from "../../../shared/schemas/meetings.ts";
import type { MembershipContext } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { ApiError } from "../../http/errors.ts";
import { enqueueMails } from "../../mail/outbox.ts";
import { button, escapeHtml, oneLine, page } from "../../mail/templates.ts";
import type { MailAttachment } from "../../mail/transport.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";
import { fields, heading, para, run, styled, type Block, type DocModel } from "../exports/docModel.ts";
import { renderPdf } from "../exports/pdf/renderPdf.ts";
import { prosemirrorToBlocks } from "../exports/prosemirrorBlocks.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { bumpMeetingVersion, findMeeting, meetingAndMember, type MeetingRow } from "./meetingRecord.ts";
import { agendaSignature } from "./agendaSignature.ts";
import { listAgenda, presentMeeting } from "./presentMeeting.ts";

interface Recipient {
  email: string;
  name: string;
}

/**
 * Who receives the convocatie: every member who reads the tafel's content and either acts for an
 * invited party or for the tafel as a whole (the secretaris). The beheerder reads no content.
 */
export async function convocationRecipients(db: DbOrTx, meeting: MeetingRow): Promise<Recipient[]> {
  const invited = (await db.select().from(meetingParties).where(eq(meetingParties.meetingId, meeting.id))).map(
    (r) => r.organisationId,
  );
  const rows = await db
    .select({ email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, meeting.workspaceId),
        invited.length
          ? or(isNull(memberships.organisationId), inArray(memberships.organisationId, invited))
          : isNull(memberships.organisationId),
      ),
    )
    .orderBy(users.name);
  return rows.filter((r) => can(r.role, "content.read")).map(({ email, name }) => ({ email, name }));
}

// ── The calendar invitation ─────────────────────────────────────────────────

/** Europe/Amsterdam since 1996 (EU rules), for calendars that want the zone spelled out. */
const AMSTERDAM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Amsterdam",
  "X-LIC-LOCATION:Europe/Amsterdam",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/**
 * ical-generator writes a Date with a TZID from the Date's *local* fields; we hand it a Date whose
 * local fields are the Amsterdam wall-clock time, so the output is right whatever zone the server runs in.
 */
function amsterdamWallClock(instant: string): Date {
  const { date, time } = instantToNlLocal(instant, OOGO_TIME_ZONE);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0);
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

export interface IcsInput {
  meeting: MeetingRow;
  method: "REQUEST" | "CANCEL";
  organizer: Recipient;
  attendees: Recipient[];
  publicOrigin: string;
  link: string;
}

/** The .ics of a meeting: UID stable per meeting, SEQUENCE from the meeting's convocation counter. */
export function meetingIcs(input: IcsInput): string {
  const { meeting } = input;
  const cal = ical({
    prodId: { company: "OOGO Werkruimte", product: "Vergaderingen", language: "NL" },
    method: input.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: OOGO_TIME_ZONE, generator: () => AMSTERDAM_VTIMEZONE },
  });
  const location = [meeting.place, meeting.onlineUrl].filter(Boolean).join(" — ");
  cal.createEvent({
    id: `oogo-meeting-${meeting.id}@${hostOf(input.publicOrigin)}`,
    sequence: meeting.convocationSequence ?? 0,
    start: amsterdamWallClock(meeting.startsAt),
    end: amsterdamWallClock(meeting.endsAt),
    timezone: OOGO_TIME_ZONE,
    stamp: new Date(meeting.updatedAt || meeting.createdAt),
    summary: `${MEETING_TYPE_LABELS[meeting.type]}: ${meeting.title}`,
    location: location || null,
    url: input.link,
    description: `${MEETING_TYPE_LABELS[meeting.type]} "${meeting.title}". Agenda en vergaderstukken: ${input.link}${meeting.onlineUrl ? `\nOnline deelnemen: ${meeting.onlineUrl}` : ""}`,
    status: input.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: input.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: input.method === "REQUEST",
    })),
  });
  return cal.toString();
}

// ── The agenda with vergaderstukken (PDF) ───────────────────────────────────

/** The agenda as a document: particulars, the items in order, and each fixed point text as a vergaderstuk. */
export async function agendaDocument(ctx: ServiceContext, meeting: MeetingRow, tafelName: string): Promise<DocModel> {
  const agenda = await listAgenda(dbOf(ctx), meeting.id);
  const texts = new Map(
    (await dbOf(ctx).select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id))).map((r) => [
      r.id,
      r.textJson,
    ]),
  );
  const when = formatMeetingTime(meeting.startsAt, meeting.endsAt);
  const cover: Block[] = [
    heading(1, `Agenda ${MEETING_TYPE_LABELS[meeting.type].toLowerCase()}`),
    heading(2, meeting.title),
    fields([
      ["OOGO-tafel", tafelName],
      ["Datum en tijd", when],
      ...(meeting.place ? ([["Plaats", meeting.place]] as Array<[string, string]>) : []),
      ...(meeting.onlineUrl ? ([["Online", meeting.onlineUrl]] as Array<[string, string]>) : []),
    ]),
    heading(2, "Agenda"),
    ...(agenda.length
      ? agenda.map((item, i) =>
          para(
            run(`${i + 1}. `, { bold: true }),
            item.title,
            item.point ? run(` (vergaderstuk ${i + 1})`, { italic: true }) : "",
          ),
        )
      : [styled("muted", "De agenda is nog leeg.")]),
  ];
  const body: Block[] = [];
  agenda.forEach((item, i) => {
    if (!item.point) return;
    body.push(heading(1, `Vergaderstuk ${i + 1}: ${item.title}`, `stuk-${i + 1}`));
    body.push(
      styled(
        "small",
        `${AGENDA_ITEM_KIND_LABELS[item.kind]} · status ${item.point.status.replace(/_/g, " ")}` +
          (item.textHash ? ` · tekstkenmerk ${shortHash(item.textHash)}` : ""),
      ),
    );
    const json = texts.get(item.id);
    body.push({ kind: "quote", blocks: prosemirrorToBlocks(json ? JSON.parse(json) : null) });
  });
  if (body.length === 0) body.push(styled("muted", "Bij deze agenda horen geen vergaderstukken."));
  return {
    meta: {
      title: `Agenda ${meeting.title}`,
      subject: `Convocatie ${MEETING_TYPE_LABELS[meeting.type]}`,
      author: "OOGO Werkruimte",
      keywords: "OOGO, agenda, convocatie",
      createdAt: meeting.convenedAt ?? meeting.updatedAt,
      headerLeft: meeting.title,
      headerRight: when,
      footerLeft: tafelName,
    },
    cover,
    body,
  };
}

// ── The mail ────────────────────────────────────────────────────────────────

type Sending = "convened" | "updated" | "cancelled";

const SUBJECT_PREFIX: Record<Sending, string> = {
  convened: "Convocatie",
  updated: "Gewijzigd",
  cancelled: "Geannuleerd",
};

function convocationMail(
  meeting: MeetingRow,
  sending: Sending,
  changed: string[],
  recipient: Recipient,
  tafelName: string,
  link: string,
) {
  const when = formatMeetingTime(meeting.startsAt, meeting.endsAt);
  const kind = MEETING_TYPE_LABELS[meeting.type];
  const title = oneLine(meeting.title);
  const subject = `${SUBJECT_PREFIX[sending]}: ${kind.toLowerCase()} ${title}, ${when}`;
  const lead =
    sending === "cancelled"
      ? `De vergadering "${title}" van ${when} gaat niet door.`
      : sending === "updated" && changed.length === 1 && changed[0] === "agenda"
        ? `De agenda van de vergadering "${title}" is gewijzigd. De bijgewerkte agenda met de vergaderstukken zit bij deze e-mail.`
        : sending === "updated"
          ? `De vergadering "${title}" is gewijzigd. Zo ziet zij er nu uit:`
          : `U bent uitgenodigd voor de vergadering "${title}" van de OOGO-tafel ${oneLine(tafelName)}.`;
  const facts = [
    `Wat: ${kind}`,
    `Wanneer: ${when}`,
    ...(meeting.place ? [`Waar: ${oneLine(meeting.place)}`] : []),
    ...(meeting.onlineUrl ? [`Online: ${meeting.onlineUrl}`] : []),
  ];
  const why =
    sending === "cancelled"
      ? "De afspraak in de bijlage haalt de vergadering uit uw agenda."
      : "De bijlage zet de vergadering in uw agenda; de agenda met de vergaderstukken zit als PDF bij deze e-mail.";
  const text = [
    `Beste ${oneLine(recipient.name)},`,
    "",
    lead,
    "",
    ...facts,
    "",
    why,
    "De vergadering in OOGO Werkruimte:",
    link,
    "",
    "U krijgt deze e-mail omdat u lid bent van deze OOGO-tafel en uw partij voor deze vergadering is uitgenodigd.",
    "",
    "-- ",
    "Deze e-mail is automatisch verstuurd door OOGO Werkruimte. U kunt er niet op antwoorden.",
    "",
  ].join("\n");
  const h = escapeHtml;
  const html = page(
    subject,
    `<h1 style="font-size:22px">${h(SUBJECT_PREFIX[sending])}: ${h(title)}</h1>
<p>Beste ${h(oneLine(recipient.name))},</p>
<p>${h(lead)}</p>
<ul>${facts.map((f) => `<li>${h(f)}</li>`).join("")}</ul>
<p>${h(why)}</p>
${button(link, "Vergadering bekijken")}
<p style="color:#4a4a4a;font-size:14px">U krijgt deze e-mail omdat u lid bent van deze OOGO-tafel en uw partij voor deze vergadering is uitgenodigd.</p>`,
  );
  return { subject, text, html };
}

/** Safe file name from the title: letters, digits, dashes. */
const fileStem = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 60) || "vergadering";

/** Queues the convocatie (or its update or cancellation) for every recipient, with the log event. */
async function queueSending(
  t: TxContext,
  meeting: MeetingRow,
  sending: Sending,
  actor: MembershipContext,
  changed: string[],
) {
  const [tafel] = await t.tx
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, meeting.workspaceId))
    .limit(1);
  const tafelName = tafel?.name ?? "";
  const recipients = await convocationRecipients(t.tx, meeting);
  const [organizer] = await t.tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, actor.userId));
  const link = `${t.deps.config.publicOrigin.replace(/\/$/, "")}/tafels/${meeting.workspaceId}/vergaderingen/${meeting.id}`;
  const method = sending === "cancelled" ? "CANCEL" : "REQUEST";
  const ics = meetingIcs({
    meeting,
    method,
    organizer: organizer ?? { email: "noreply@localhost", name: actor.userName },
    attendees: recipients,
    publicOrigin: t.deps.config.publicOrigin,
    link,
  });
  const attachments: MailAttachment[] = [
    {
      filename: method === "CANCEL" ? "annulering.ics" : "uitnodiging.ics",
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      base64: Buffer.from(ics, "utf8").toString("base64"),
      calendarMethod: method,
    },
  ];
  if (sending !== "cancelled") {
    const pdf = await renderPdf(await agendaDocument(t, meeting, tafelName));
    attachments.push({
      filename: `agenda-${fileStem(meeting.title)}.pdf`,
      contentType: "application/pdf",
      base64: pdf.toString("base64"),
    });
  }
  await enqueueMails(
    t,
    recipients.map((r) => ({
      workspaceId: meeting.workspaceId,
      kind: "convocation" as const,
      to: r.email,
      related: { type: "meeting", id: meeting.id },
      attachments,
      ...convocationMail(meeting, sending, changed, r, tafelName, link),
    })),
  );
  // Remember what agenda the genodigden now have, so a later change to it is noticed.
  if (sending !== "cancelled")
    await t.tx
      .update(meetings)
      .set({ convocationAgenda: await agendaSignature(t.tx, meeting.id) })
      .where(eq(meetings.id, meeting.id));
  const type =
    sending === "convened"
      ? "meeting.convened"
      : sending === "updated"
        ? "meeting.convocation_updated"
        : "meeting.convocation_cancelled";
  await appendEvent(t.tx, {
    workspaceId: meeting.workspaceId,
    type,
    entityType: "meeting",
    entityId: meeting.id,
    actor,
    at: nowIso(t),
    data: {
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      sequence: meeting.convocationSequence,
      recipients: recipients.map((r) => r.email),
      ...(changed.length ? { changed } : {}),
    },
  });
  afterCommit(t, () =>
    t.deps.events.emit("workspace.changed", {
      workspaceId: meeting.workspaceId,
      entity: "meeting",
      entityId: meeting.id,
      type,
    }),
  );
}

/** The secretaris sends the convocatie of a planned meeting (once; later changes send updates). */
export async function convokeMeeting(
  ctx: ServiceContext,
  input: ConveneInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris verstuurt de convocatie.");
  if (meeting.status !== "gepland")
    throw new ApiError("CONFLICT", "Alleen voor een geplande vergadering gaat een convocatie uit.");
  if (meeting.convocationSequence !== null)
    throw new ApiError(
      "CONFLICT",
      "De convocatie is al verstuurd. Wijzigt u de vergadering, dan krijgen de genodigden vanzelf een bijgewerkte uitnodiging.",
    );
  if (new Date(meeting.endsAt).getTime() <= ctx.clock.now().getTime())
    throw new ApiError("CONFLICT", "Deze vergadering is al voorbij; een convocatie heeft geen zin meer.");
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    await bumpMeetingVersion(t.tx, meeting.id, input.expectedVersion, now);
    await t.tx.update(meetings).set({ convocationSequence: 0, convenedAt: now }).where(eq(meetings.id, meeting.id));
    await queueSending(t, (await findMeeting(t.tx, meeting.id))!, "convened", member, []);
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}

/**
 * The secretaris sends the changed agenda after the convocatie. Not on every agenda edit by
 * itself: building an agenda is several edits in a row, and each would mail every genodigde.
 * The meeting page says when the agenda differs from what was sent (`agendaChanged`).
 */
export async function sendAgendaUpdate(
  ctx: ServiceContext,
  input: ConveneInput & { meetingId: string },
): Promise<MeetingView> {
  const { meeting, member } = await meetingAndMember(ctx, input.meetingId);
  assertCan(member, "meeting.manage", "Alleen de secretaris verstuurt de gewijzigde agenda.");
  if (meeting.convocationSequence === null)
    throw new ApiError("CONFLICT", "Er is nog geen convocatie verstuurd. Verstuur eerst de convocatie.");
  if (meeting.status !== "gepland")
    throw new ApiError("CONFLICT", "Alleen voor een geplande vergadering gaat een gewijzigde agenda uit.");
  if (new Date(meeting.endsAt).getTime() <= ctx.clock.now().getTime())
    throw new ApiError("CONFLICT", "Deze vergadering is al voorbij; een gewijzigde agenda heeft geen zin meer.");
  await withTransaction(ctx, async (t) => {
    if (meeting.convocationAgenda === (await agendaSignature(t.tx, meeting.id)))
      throw new ApiError("CONFLICT", "De agenda is sinds de convocatie niet gewijzigd; er is niets te versturen.");
    await bumpMeetingVersion(t.tx, meeting.id, input.expectedVersion, nowIso(t));
    await t.tx
      .update(meetings)
      .set({ convocationSequence: meeting.convocationSequence! + 1 })
      .where(eq(meetings.id, meeting.id));
    await queueSending(t, (await findMeeting(t.tx, meeting.id))!, "updated", member, ["agenda"]);
  });
  return presentMeeting(ctx, (await findMeeting(dbOf(ctx), meeting.id))!);
}

/** What a calendar needs to hear about: a change to any of these sends an update. */
const CALENDAR_FIELDS = ["title", "startsAt", "endsAt", "place", "onlineUrl", "status", "invitedPartyIds"];

/**
 * Inside updateMeeting's transaction, after the change: a convened meeting whose time, place,
 * title or invitees changed gets an update (SEQUENCE + 1); a cancelled one gets METHOD:CANCEL.
 */
export async function sendConvocationChange(
  t: TxContext,
  meetingId: string,
  actor: MembershipContext,
  changedKeys: string[],
): Promise<void> {
  const changed = changedKeys.filter((k) => CALENDAR_FIELDS.includes(k));
  const before = await findMeeting(t.tx, meetingId);
  if (before?.convocationSequence == null || changed.length === 0) return;
  await t.tx
    .update(meetings)
    .set({ convocationSequence: before.convocationSequence + 1 })
    .where(eq(meetings.id, meetingId));
  const meeting = (await findMeeting(t.tx, meetingId))!;
  await queueSending(t, meeting, meeting.status === "geannuleerd" ? "cancelled" : "updated", actor, changed);
}
