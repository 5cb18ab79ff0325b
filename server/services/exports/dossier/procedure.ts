/** Chapter 4: the course of the procedure — steps, meetings with attendance and decisions, and one timeline. */
import { dateInZone, formatDate } from "../../../../shared/domain/dates.ts";
import {
  AGENDA_DECISION_LABELS,
  MEETING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  PROCEDURE_STEP_STATE_LABELS,
  procedureStepState,
  type AgendaDecision,
} from "../../../../shared/domain/meetings.ts";
import { shortHash } from "../../../../shared/domain/textHash.ts";
import { ATTENDANCE_STATE_LABELS, mandateLabel } from "../../../../shared/domain/attendance.ts";
import type { DossierData, DossierMeeting } from "../collectDossier.ts";
import { fields, heading, para, run, styled, table, type Block } from "../docModel.ts";
import { partyName } from "../tafelContext.ts";
import { actorLabel, date, dateTime, stanceLabel, status } from "./format.ts";

export function procedureChapter(data: DossierData): Block[] {
  const peil = dateInZone(new Date(data.checkpoint.at));
  const held = data.meetings.filter((m) => m.status !== "geannuleerd" && dateInZone(new Date(m.startsAt)) <= peil);
  const out: Block[] = [
    heading(1, "4. Verloop van de procedure", "verloop"),
    heading(2, "4.1 Processtappen", "processtappen"),
    para(`De stappen van de afgesproken procedure, met de stand per peildatum ${formatDate(peil)}.`),
    data.procedure.steps.length
      ? table(
          ["Stap", "Gepland", "Gedaan", "Stand"],
          data.procedure.steps.map((s) => [
            s.title + (s.note ? ` — ${s.note}` : ""),
            s.dueDate ? formatDate(s.dueDate) : "—",
            s.doneAt ? formatDate(s.doneAt) : "—",
            PROCEDURE_STEP_STATE_LABELS[procedureStepState({ dueDate: s.dueDate, doneOn: s.doneAt }, peil)],
          ]),
        )
      : styled("muted", "Er zijn geen processtappen vastgelegd."),
    heading(2, "4.2 Overleggen", "overleggen"),
  ];
  if (held.length === 0) out.push(styled("muted", "Er zijn nog geen overleggen gehouden."));
  for (const m of held) out.push(...meetingBlocks(data, m));
  const cancelled = data.meetings.filter((m) => m.status === "geannuleerd");
  if (cancelled.length)
    out.push(
      para(
        run("Geannuleerd: ", { bold: true }),
        cancelled.map((m) => `${m.title} (${date(m.startsAt)})`).join("; "),
        ".",
      ),
    );

  out.push(heading(2, "4.3 Tijdlijn", "tijdlijn"));
  out.push(para("Alle gebeurtenissen hierboven in volgorde van tijd."));
  out.push(
    table(
      ["Datum", "Gebeurtenis", "Door"],
      timeline(data).map((t) => [t.when, t.what, t.who]),
    ),
  );
  return out;
}

function meetingBlocks(data: DossierData, m: DossierMeeting): Block[] {
  const { tafel } = data;
  const minutes = m.minutes.approvedAt
    ? `Vastgesteld op ${dateTime(m.minutes.approvedAt)} door ${m.minutes.approvedBy}${m.minutes.status === "in_wijziging" ? " (een wijziging loopt; hier de laatst vastgestelde tekst)" : ""}; kenmerk ${shortHash(m.minutes.hash ?? "")} (voluit in bijlage B)`
    : "Niet vastgesteld";
  const out: Block[] = [
    heading(3, `${MEETING_TYPE_LABELS[m.type]}: ${m.title} — ${date(m.startsAt)}`),
    fields([
      ["Datum en tijd", dateTime(m.startsAt)],
      ["Plaats", m.place],
      ["Uitgenodigd", m.invited.map((id) => partyName(tafel, id)).join(", ") || "—"],
      ["Status", MEETING_STATUS_LABELS[m.status]],
      ["Notulen", minutes],
    ]),
  ];
  out.push(
    m.attendance.length
      ? table(
          ["Partij", "Naam", "Hoedanigheid", "Aanwezigheid"],
          m.attendance.map((a) => {
            const party = a.partyId ? tafel.parties.find((p) => p.id === a.partyId) : undefined;
            const mandate = a.mandate && party ? mandateLabel(party) : null;
            return [
              a.partyId ? partyName(tafel, a.partyId) : "—",
              a.name,
              mandate ? `${a.capacity}, ${mandate}` : a.capacity,
              a.attendance === "afgemeld" && a.substitute
                ? `Afgemeld, vervangen door ${a.substitute}`
                : ATTENDANCE_STATE_LABELS[a.attendance],
            ];
          }),
        )
      : styled("muted", "Geen presentielijst vastgelegd."),
  );
  out.push(
    m.agenda.length
      ? table(
          ["#", "Agendapunt", "Besluit", "Toelichting", "Status punt"],
          m.agenda.map((a) => [
            String(a.position + 1),
            a.title + (a.textHash ? ` (tekst ${shortHash(a.textHash)})` : ""),
            a.decision ? (AGENDA_DECISION_LABELS[a.decision as AgendaDecision] ?? a.decision) : "—",
            a.decisionNote ?? "",
            a.pointId
              ? a.statusBefore && a.statusAfter && a.statusBefore !== a.statusAfter
                ? `${status(a.statusBefore)} → ${status(a.statusAfter)}`
                : status(a.statusAfter ?? a.statusBefore)
              : "",
          ]),
        )
      : styled("muted", "Geen agenda vastgelegd."),
  );
  return out;
}

interface TimelineItem {
  at: string;
  order: number;
  when: string;
  what: string;
  who: string;
}

function timeline(data: DossierData): TimelineItem[] {
  const items: TimelineItem[] = [];
  const peil = dateInZone(new Date(data.checkpoint.at));
  for (const s of data.procedure.steps) {
    if (s.doneAt)
      items.push({
        at: `${s.doneAt}T12:00:00.000Z`,
        order: 0,
        when: formatDate(s.doneAt),
        what: `Processtap gedaan: ${s.title}`,
        who: "—",
      });
    else if (s.dueDate && s.dueDate < peil)
      items.push({
        at: `${s.dueDate}T12:00:00.000Z`,
        order: 0,
        when: formatDate(s.dueDate),
        what: `Processtap te laat (niet gedaan): ${s.title}`,
        who: "—",
      });
  }
  for (const m of data.meetings.filter((x) => x.status !== "geannuleerd" && dateInZone(new Date(x.startsAt)) <= peil)) {
    const present = m.attendance.filter((a) => a.present).length;
    items.push({
      at: m.startsAt,
      order: 1,
      when: dateTime(m.startsAt),
      what: `${MEETING_TYPE_LABELS[m.type]} “${m.title}” in ${m.place}${m.attendance.length ? ` (${present} aanwezig)` : ""}`,
      who: "—",
    });
  }
  for (const e of data.minutesEvents) {
    const m = data.meetings.find((x) => x.id === e.meetingId);
    const what =
      e.type === "minutes.approved"
        ? "Notulen vastgesteld"
        : e.type === "minutes.amended"
          ? "Wijziging notulen vastgesteld"
          : `Wijziging notulen geopend: ${e.reasoning ?? ""}`;
    items.push({
      at: e.at,
      order: 2,
      when: dateTime(e.at),
      what: `${what} — ${m?.title ?? "overleg"} (${shortHash(e.textHash ?? "")})`,
      who: e.actorName,
    });
  }
  for (const d of data.disputed) {
    for (const e of d.statusEvents) {
      items.push({
        at: e.at,
        order: 3,
        when: dateTime(e.at),
        what: `${d.point.title}: ${status(e.fromStatus)} → ${status(e.toStatus)}`,
        who: actorLabel(e),
      });
    }
    for (const e of d.stanceHistory) {
      items.push({
        at: e.at,
        order: 3,
        when: dateTime(e.at),
        what: `${d.point.title}: standpunt ${e.actor.partyName ?? ""} — ${stanceLabel(e.data.stance)}`,
        who: e.actor.name,
      });
    }
    for (const s of d.signoffs) {
      items.push({
        at: s.signedAt,
        order: 3,
        when: dateTime(s.signedAt),
        what: `${d.point.title}: ondertekend door ${s.partyName} (tekst ${shortHash(s.textHash)})`,
        who: s.signer.name,
      });
    }
  }
  return items.sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order || (a.what < b.what ? -1 : a.what > b.what ? 1 : 0),
  );
}
