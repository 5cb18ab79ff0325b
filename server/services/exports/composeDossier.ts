/**
 * The dossier for the Landelijke Geschillencommissie OOGO as a document model (domain brief §6):
 * cover, parties and representatives, subject, legal basis, the agreed procedure and the route
 * asked; per disputed point its exact text versions, each party's stances with reasoning, the
 * signatures and the status history; the course of the procedure (steps, meetings with
 * attendance and decisions, a timeline); the points that were agreed; the attachments; the
 * approved minutes; and an integrity appendix with every hash a receiver can check.
 *
 * Pure: the same data gives the same model, and so the same content hash.
 */
import { brokenEventsLabel } from "../../../shared/domain/logWitness.ts";
import { DOSSIER_ROUTE_DESCRIPTIONS, DOSSIER_ROUTE_LABELS, legalBasisForPlans } from "../../../shared/domain/dossier.ts";
import {
  AGENDA_DECISION_LABELS, MEETING_STATUS_LABELS, MEETING_TYPE_LABELS, PROCEDURE_STEP_STATE_LABELS, dateInZone, formatDateNl,
  formatDateTimeNl, procedureStepState, type AgendaDecision,
} from "../../../shared/domain/meetings.ts";
import { isPointStatus, statusLabel } from "../../../shared/domain/pointStatus.ts";
import { isStance, STANCE_LABELS } from "../../../shared/domain/stances.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";
import type { PointEventView } from "../../../shared/schemas/points.ts";
import type { PointDossier } from "../points/listPointEventsForDossier.ts";
import type { DossierData, DossierMeeting } from "./collectDossier.ts";
import {
  bullets, CONTENT_HASH_PLACEHOLDER, CONTENT_HASH_SHORT_PLACEHOLDER, fields, heading, para, run, styled, table,
  type Block, type DocModel,
} from "./docModel.ts";
import { prosemirrorToBlocks } from "./prosemirrorBlocks.ts";
import { partyName, themeLabel, type TafelContext } from "./tafelContext.ts";

const date = (instant: string) => formatDateNl(dateInZone(new Date(instant)));
const dateTime = (instant: string) => formatDateTimeNl(instant);
const status = (s: string | null) => (s && isPointStatus(s) ? statusLabel(s) : s ?? "—");
const hashRun = (hash: string) => run(hash, { mono: true });
/** "Formeel bestuurlijk OOGO" → "formeel bestuurlijk OOGO": lower only the first letter, keep acronyms. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
/** Free text as a sentence: a full stop only when it does not already end in punctuation. */
const sentence = (text: string) => { const t = text.trim(); return /[.!?…]$/.test(t) ? t : `${t}.`; };

export function composeDossier(data: DossierData): DocModel {
  const { tafel, route, checkpoint } = data;
  const ws = tafel.workspace;
  const routeLabel = DOSSIER_ROUTE_LABELS[route];
  // The legal basis follows the plans on the table (ADR 0010).
  const basis = legalBasisForPlans(tafel.plans);
  const peildatum = date(checkpoint.at);
  const n = data.disputed.length;

  const cover: Block[] = [
    heading(1, "Dossier voor de Landelijke Geschillencommissie OOGO"),
    heading(2, ws.name),
    styled("lead", `Verzoek om ${lowerFirst(routeLabel)} over ${n === 1 ? "één geschilpunt" : `${n} geschilpunten`} in het op overeenstemming gericht overleg over het ${lowerFirst(tafel.planTypeLabel)} “${ws.planTitle}”.`),
    fields([
      ["Aan", "Landelijke Geschillencommissie OOGO, p/a Stichting Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht"],
      ["Partijen", tafel.parties.map((p) => p.name).join("; ")],
      ["Vertegenwoordigd door", tafel.members.filter((m) => m.role === "bestuurder" && m.partyId)
        .map((m) => `${m.name}${m.title ? `, ${m.title}` : ""} (${partyName(tafel, m.partyId!)})`).join("; ") || "—"],
      ["Plan", `${ws.planTitle} (${lowerFirst(tafel.planTypeLabel)})`],
      ["Versie van het plan", ws.planVersion],
      ["Planperiode", `${ws.periodStart}–${ws.periodEnd}`],
      ["Wettelijke grondslag", basis.join("; ")],
      ["Gevraagde route", routeLabel],
      ["Geschilpunten", data.disputed.map((d) => d.point.title).join("; ")],
      ["Peildatum", `${peildatum} (logboek tot en met gebeurtenis ${checkpoint.seq})`],
      ["Logboekkenmerk", checkpoint.kenmerk],
    ]),
    styled("small",
      "Dit dossier is samengesteld uit het logboek en de documenten van de OOGO-tafel in OOGO Werkruimte. Elke tekst, elk standpunt en elke ondertekening is herleidbaar tot een gebeurtenis in het hashgeketende logboek; bijlage B beschrijft hoe u dat controleert. Inhoudshash van dit dossier: ",
      run(CONTENT_HASH_PLACEHOLDER, { mono: true }), "."),
  ];

  const body: Block[] = [
    { kind: "toc", title: "Inhoudsopgave" },
    ...partiesChapter(tafel),
    ...subjectChapter(data, basis, routeLabel),
    ...disputedChapter(data),
    ...procedureChapter(data),
    ...agreedChapter(data),
    ...attachmentsChapter(data),
    ...minutesAppendix(data),
    ...integrityAppendix(data),
  ];

  return {
    meta: {
      title: `Dossier Geschillencommissie OOGO – ${ws.name}`,
      subject: `Verzoek om ${lowerFirst(routeLabel)}: ${data.disputed.map((d) => d.point.title).join("; ")}`,
      author: `Secretariaat ${ws.name}`,
      keywords: "OOGO, Geschillencommissie OOGO, passend onderwijs, ondersteuningsplan, dossier",
      createdAt: checkpoint.at,
      headerLeft: `Dossier Geschillencommissie OOGO · ${ws.name}`,
      headerRight: `${routeLabel} · peildatum ${peildatum}`,
      footerLeft: `Inhoudshash ${CONTENT_HASH_SHORT_PLACEHOLDER}`,
    },
    cover,
    body,
  };
}

function partiesChapter(tafel: TafelContext): Block[] {
  const representatives = tafel.members.filter((m) => m.partyId && ["bestuurder", "trekker"].includes(m.role));
  const secretariat = tafel.members.filter((m) => m.role === "secretaris");
  const observers = tafel.members.filter((m) => m.role === "waarnemer");
  return [
    heading(1, "1. Partijen en vertegenwoordiging", "partijen"),
    para(`Aan deze OOGO-tafel (${tafel.workspace.level === "regionaal" ? "regionaal" : "lokaal"} overleg) nemen de volgende partijen deel. Het OOGO wordt gevoerd met het college van burgemeester en wethouders van elke gemeente afzonderlijk.`),
    table(["Partij", "Soort", "Code", "Opmerking"], tafel.parties.map((p) => [
      p.name,
      p.kind === "swv" ? `Samenwerkingsverband ${p.sector?.toUpperCase() ?? ""}`.trim() : "Gemeente (college van B&W)",
      p.swvCode ?? p.cbsCode ?? "—",
      p.coverageNote ?? "",
    ])),
    heading(2, "1.1 Vertegenwoordigers", "vertegenwoordigers"),
    para("Bestuurlijk vertegenwoordigd door de bestuurder van het samenwerkingsverband en de wethouder namens het college; ambtelijk door de trekker van elke partij."),
    table(["Partij", "Naam", "Rol", "Hoedanigheid"], representatives.map((m) => [partyName(tafel, m.partyId!), m.name, m.roleLabel, m.title ?? ""])),
    ...(secretariat.length ? [para(run("Secretariaat en contact: ", { bold: true }), secretariat.map((m) => `${m.name}${m.title ? ` (${m.title})` : ""}`).join(", "), ".")] : []),
    ...(observers.length ? [para(run("Waarnemers: ", { bold: true }), observers.map((m) => `${m.name}${m.title ? ` (${m.title})` : ""}${m.partyId ? `, ${partyName(tafel, m.partyId)}` : ""}`).join("; "), ".")] : []),
  ];
}

function subjectChapter(data: DossierData, basis: string[], routeLabel: string): Block[] {
  const ws = data.tafel.workspace;
  return [
    heading(1, "2. Onderwerp, grondslag en verzoek", "onderwerp"),
    fields([
      ["Plan", ws.planTitle],
      ["Soort plan", data.tafel.planTypeLabel],
      ["Versie", ws.planVersion],
      ["Planperiode", `${ws.periodStart}–${ws.periodEnd}`],
      ["Niveau van het overleg", ws.level === "regionaal" ? "Regionaal" : "Lokaal"],
    ]),
    heading(2, "2.1 Verzoek aan de commissie", "verzoek"),
    para(`Gevraagde route: `, run(routeLabel, { bold: true }), `. ${DOSSIER_ROUTE_DESCRIPTIONS[data.route]}`),
    para("Het verzoek betreft uitsluitend de volgende punten:"),
    bullets(...data.disputed.map((d) => `${d.point.title} (${themeLabel(data.tafel, d.point.theme)}; status: ${status(d.point.status)})`)),
    para("Over de punten in hoofdstuk 5 hebben partijen wel overeenstemming; die vallen buiten het verzoek."),
    heading(2, "2.2 Wettelijke grondslag", "grondslag"),
    bullets(...basis),
    para("Het overleg is gericht op overeenstemming tussen het samenwerkingsverband en het college van elke gemeente. Komen partijen er niet uit, dan kan het geschil worden voorgelegd aan de Landelijke Geschillencommissie OOGO."),
    heading(2, "2.3 Afgesproken OOGO-procedure", "procedure"),
    para("Partijen hebben de volgende procedure afgesproken. De tekst is overgenomen uit het gedeelde proceduredocument van de tafel."),
    { kind: "quote", caption: `Afgesproken procedure — tekst-hash ${shortHash(data.procedure.hash)}`, blocks: prosemirrorToBlocks(data.procedure.json, "(De procedure is niet schriftelijk vastgelegd.)") },
  ];
}

function disputedChapter(data: DossierData): Block[] {
  const out: Block[] = [
    heading(1, "3. Geschilpunten", "geschilpunten"),
    para("Per punt: de precieze tekstversies die in het overleg een rol speelden (elk met zijn SHA-256-hash), het standpunt van elke partij met toelichting in volgorde van tijd, de ondertekeningen en het statusverloop."),
  ];
  data.disputed.forEach((d, i) => out.push(...disputedPoint(data, d, i + 1)));
  return out;
}

function disputedPoint(data: DossierData, d: PointDossier, index: number): Block[] {
  const { tafel } = data;
  const p = d.point;
  const scope = p.scope.all ? "Alle gemeenten van de tafel" : p.scope.gemeenteIds.map((id) => partyName(tafel, id)).join(", ");
  const out: Block[] = [
    heading(2, `3.${index} ${p.title}`, `punt-${index}`),
    fields([
      ["Thema", themeLabel(tafel, p.theme)],
      ["Status", status(p.status)],
      ["Partijen in de scope", p.parties.map((x) => x.name).join(", ")],
      ["Gemeenten", scope],
      ["Looptijd", p.termMonths ? `${p.termMonths} maanden` : "Niet bepaald"],
      ["Huidige tekstversie", `${p.textHash}`],
    ]),
  ];

  // Exact text versions, oldest first; each says where it was used.
  out.push(heading(3, "Tekstversies"));
  const versions = d.textVersions.length ? d.textVersions : [];
  versions.forEach((v, k) => {
    const uses = versionUses(data, d, v.textHash);
    out.push({
      kind: "quote",
      caption: `Versie ${k + 1} van ${versions.length}${v.textHash === p.textHash ? " (huidige tekst)" : ""} — SHA-256 ${v.textHash}`,
      blocks: [
        ...prosemirrorToBlocks(v.json),
        styled("muted", `Eerst vastgelegd op ${dateTime(v.createdAt)}.${uses.length ? ` Gebruikt bij: ${uses.join("; ")}.` : ""}`),
      ],
    });
  });

  out.push(heading(3, "Standpunten per partij"));
  for (const party of p.parties) {
    const history = d.stanceHistory.filter((e) => e.data.partyId === party.id);
    out.push(para(run(party.name, { bold: true })));
    if (history.length === 0) {
      out.push(styled("muted", "Geen standpunt vastgelegd."));
      continue;
    }
    out.push(table(["Datum", "Standpunt", "Toelichting", "Vastgelegd door", "Tekst"], history.map((e) => [
      dateTime(e.at), stanceLabel(e.data.stance), e.reasoning ?? "", e.actor.name, shortHash(e.textHash ?? ""),
    ])));
  }

  out.push(heading(3, "Ondertekeningen"));
  out.push(d.signoffs.length
    ? table(["Partij", "Ondertekenaar", "Datum", "Tekst", "Geldigheid"], d.signoffs.map((s) => [
      s.partyName, `${s.signer.name}${s.signerTitle ? `, ${s.signerTitle}` : ""}`, dateTime(s.signedAt), shortHash(s.textHash),
      s.verouderd ? "Verouderd (tekst later gewijzigd)" : "Geldig",
    ]))
    : styled("muted", "Geen ondertekeningen."));

  out.push(heading(3, "Statusverloop"));
  out.push(d.statusEvents.length
    ? table(["Datum", "Van → naar", "Door", "Toelichting"], d.statusEvents.map((e) => [
      dateTime(e.at), `${status(e.fromStatus)} → ${status(e.toStatus)}`, actorLabel(e), withMeeting(data, e),
    ]))
    : styled("muted", "Geen statuswijzigingen."));
  return out;
}

function stanceLabel(value: unknown): string {
  return isStance(value) ? STANCE_LABELS[value] : String(value ?? "—");
}

function actorLabel(e: PointEventView): string {
  if (!e.actor.userId) return "Systeem (automatisch)";
  return e.actor.partyName ? `${e.actor.name} (${e.actor.partyName})` : e.actor.name;
}

function withMeeting(data: DossierData, e: PointEventView): string {
  const meetingId = typeof e.data.meetingId === "string" ? e.data.meetingId : null;
  const meeting = meetingId ? data.meetings.find((m) => m.id === meetingId) : null;
  const reason = e.reasoning ?? "";
  return meeting ? `${reason ? `${sentence(reason)} ` : ""}(${MEETING_TYPE_LABELS[meeting.type]} van ${date(meeting.startsAt)})` : reason;
}

/** Where a text version was used: stances, signatures, agenda placements. */
function versionUses(data: DossierData, d: PointDossier, hash: string): string[] {
  const uses: string[] = [];
  for (const e of d.stanceHistory.filter((s) => s.textHash === hash)) uses.push(`standpunt ${e.actor.partyName ?? e.actor.name} (${date(e.at)})`);
  for (const s of d.signoffs.filter((x) => x.textHash === hash)) uses.push(`ondertekend door ${s.partyName} (${date(s.signedAt)})`);
  for (const m of data.meetings) {
    if (m.agenda.some((a) => a.pointId === d.point.id && a.textHash === hash)) uses.push(`agenda ${lowerFirst(MEETING_TYPE_LABELS[m.type])} van ${date(m.startsAt)}`);
  }
  return uses;
}

function procedureChapter(data: DossierData): Block[] {
  const peil = dateInZone(new Date(data.checkpoint.at));
  const held = data.meetings.filter((m) => m.status !== "geannuleerd" && dateInZone(new Date(m.startsAt)) <= peil);
  const out: Block[] = [
    heading(1, "4. Verloop van de procedure", "verloop"),
    heading(2, "4.1 Processtappen", "processtappen"),
    para(`De stappen van de afgesproken procedure, met de stand per peildatum ${formatDateNl(peil)}.`),
    data.procedure.steps.length
      ? table(["Stap", "Gepland", "Gedaan", "Stand"], data.procedure.steps.map((s) => [
        s.title + (s.note ? ` — ${s.note}` : ""), s.dueDate ? formatDateNl(s.dueDate) : "—", s.doneAt ? formatDateNl(s.doneAt) : "—",
        PROCEDURE_STEP_STATE_LABELS[procedureStepState({ dueDate: s.dueDate, doneOn: s.doneAt }, peil)],
      ]))
      : styled("muted", "Er zijn geen processtappen vastgelegd."),
    heading(2, "4.2 Overleggen", "overleggen"),
  ];
  if (held.length === 0) out.push(styled("muted", "Er zijn nog geen overleggen gehouden."));
  for (const m of held) out.push(...meetingBlocks(data, m));
  const cancelled = data.meetings.filter((m) => m.status === "geannuleerd");
  if (cancelled.length) out.push(para(run("Geannuleerd: ", { bold: true }), cancelled.map((m) => `${m.title} (${date(m.startsAt)})`).join("; "), "."));

  out.push(heading(2, "4.3 Tijdlijn", "tijdlijn"));
  out.push(para("Alle gebeurtenissen hierboven in volgorde van tijd."));
  out.push(table(["Datum", "Gebeurtenis", "Door"], timeline(data).map((t) => [t.when, t.what, t.who])));
  return out;
}

function meetingBlocks(data: DossierData, m: DossierMeeting): Block[] {
  const { tafel } = data;
  const minutes = m.minutes.approvedAt
    ? `Vastgesteld op ${dateTime(m.minutes.approvedAt)} door ${m.minutes.approvedBy}${m.minutes.status === "in_wijziging" ? " (een wijziging loopt; hier de laatst vastgestelde tekst)" : ""}; SHA-256 ${m.minutes.hash}`
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
  out.push(m.attendance.length
    ? table(["Partij", "Naam", "Hoedanigheid", "Aanwezig"], m.attendance.map((a) => [
      a.partyId ? partyName(tafel, a.partyId) : "—", a.name, a.capacity, a.present ? "Aanwezig" : "Afwezig (afgemeld)",
    ]))
    : styled("muted", "Geen presentielijst vastgelegd."));
  out.push(m.agenda.length
    ? table(["#", "Agendapunt", "Besluit", "Toelichting", "Status punt"], m.agenda.map((a) => [
      String(a.position + 1),
      a.title + (a.textHash ? ` (tekst ${shortHash(a.textHash)})` : ""),
      a.decision ? AGENDA_DECISION_LABELS[a.decision as AgendaDecision] ?? a.decision : "—",
      a.decisionNote ?? "",
      a.pointId ? (a.statusBefore && a.statusAfter && a.statusBefore !== a.statusAfter ? `${status(a.statusBefore)} → ${status(a.statusAfter)}` : status(a.statusAfter ?? a.statusBefore)) : "",
    ]))
    : styled("muted", "Geen agenda vastgelegd."));
  return out;
}

interface TimelineItem { at: string; order: number; when: string; what: string; who: string }

function timeline(data: DossierData): TimelineItem[] {
  const items: TimelineItem[] = [];
  const peil = dateInZone(new Date(data.checkpoint.at));
  for (const s of data.procedure.steps) {
    if (s.doneAt) items.push({ at: `${s.doneAt}T12:00:00.000Z`, order: 0, when: formatDateNl(s.doneAt), what: `Processtap gedaan: ${s.title}`, who: "—" });
    else if (s.dueDate && s.dueDate < peil) items.push({ at: `${s.dueDate}T12:00:00.000Z`, order: 0, when: formatDateNl(s.dueDate), what: `Processtap te laat (niet gedaan): ${s.title}`, who: "—" });
  }
  for (const m of data.meetings.filter((x) => x.status !== "geannuleerd" && dateInZone(new Date(x.startsAt)) <= peil)) {
    const present = m.attendance.filter((a) => a.present).length;
    items.push({ at: m.startsAt, order: 1, when: dateTime(m.startsAt), what: `${MEETING_TYPE_LABELS[m.type]} “${m.title}” in ${m.place}${m.attendance.length ? ` (${present} aanwezig)` : ""}`, who: "—" });
  }
  for (const e of data.minutesEvents) {
    const m = data.meetings.find((x) => x.id === e.meetingId);
    const what = e.type === "minutes.approved" ? "Notulen vastgesteld" : e.type === "minutes.amended" ? "Wijziging notulen vastgesteld" : `Wijziging notulen geopend: ${e.reasoning ?? ""}`;
    items.push({ at: e.at, order: 2, when: dateTime(e.at), what: `${what} — ${m?.title ?? "overleg"} (${shortHash(e.textHash ?? "")})`, who: e.actorName });
  }
  for (const d of data.disputed) {
    for (const e of d.statusEvents) {
      items.push({ at: e.at, order: 3, when: dateTime(e.at), what: `${d.point.title}: ${status(e.fromStatus)} → ${status(e.toStatus)}`, who: actorLabel(e) });
    }
    for (const e of d.stanceHistory) {
      items.push({ at: e.at, order: 3, when: dateTime(e.at), what: `${d.point.title}: standpunt ${e.actor.partyName ?? ""} — ${stanceLabel(e.data.stance)}`, who: e.actor.name });
    }
    for (const s of d.signoffs) {
      items.push({ at: s.signedAt, order: 3, when: dateTime(s.signedAt), what: `${d.point.title}: ondertekend door ${s.partyName} (tekst ${shortHash(s.textHash)})`, who: s.signer.name });
    }
  }
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order || (a.what < b.what ? -1 : a.what > b.what ? 1 : 0)));
}

function agreedChapter(data: DossierData): Block[] {
  const { tafel } = data;
  return [
    heading(1, "5. Punten waarover wel overeenstemming is", "overeenstemming"),
    para("Om het geschil af te bakenen: over de volgende punten hebben partijen wel overeenstemming bereikt. Zij maken geen deel uit van het verzoek."),
    data.agreed.length
      ? table(["Thema", "Punt", "Status", "Ondertekend (geldig)"], data.agreed.map((p) => [
        themeLabel(tafel, p.theme), p.title, status(p.status),
        p.signoffs.filter((s) => !s.verouderd).map((s) => `${s.partyName}: ${s.signer.name}, ${date(s.signedAt)} (${shortHash(s.textHash)})`).join("\n") || "—",
      ]))
      : styled("muted", "Er zijn (nog) geen punten waarover overeenstemming is vastgelegd."),
  ];
}

function attachmentsChapter(data: DossierData): Block[] {
  const ws = data.tafel.workspace;
  const approved = data.meetings.filter((m) => m.minutes.json);
  return [
    heading(1, "6. Lijst van bijlagen", "bijlagen"),
    { kind: "list", ordered: false, items: [
      [para(run("Bijlage A. ", { bold: true }), `Vastgestelde notulen van ${approved.length} overleg${approved.length === 1 ? "" : "gen"} (opgenomen in dit dossier).`)],
      [para(run("Bijlage B. ", { bold: true }), "Integriteit en controle: tekst-hashes, logboekketen en inhoudshash (opgenomen in dit dossier).")],
      [para(run("Bijlage C. ", { bold: true }), "De afgesproken OOGO-procedure (opgenomen in paragraaf 2.3).")],
      [para(run("Bijlage D. ", { bold: true }), `Het plan waarover het OOGO gaat: ${ws.planTitle}, ${ws.planVersion} (apart door partijen aan te leveren).`)],
      [para(run("Bijlage E. ", { bold: true }), "De oplegger met alle overeenstemmingspunten per thema (apart te downloaden uit OOGO Werkruimte).")],
      [para(run("Bijlage F. ", { bold: true }), "Het volledige logboek van de tafel (op verzoek als export; te controleren met de gegevens in bijlage B).")],
    ] },
  ];
}

function minutesAppendix(data: DossierData): Block[] {
  const approved = data.meetings.filter((m) => m.minutes.json);
  const out: Block[] = [heading(1, "Bijlage A. Vastgestelde notulen", "bijlage-notulen")];
  if (approved.length === 0) out.push(styled("muted", "Er zijn nog geen notulen vastgesteld."));
  for (const m of approved) {
    out.push(heading(2, `${MEETING_TYPE_LABELS[m.type]}: ${m.title} — ${date(m.startsAt)}`, `notulen-${m.id}`));
    out.push({ kind: "quote", caption: `Vastgesteld op ${dateTime(m.minutes.approvedAt!)} door ${m.minutes.approvedBy} — SHA-256 ${m.minutes.hash}`, blocks: prosemirrorToBlocks(m.minutes.json) });
    for (const a of m.amendments) {
      out.push(styled("muted", `Wijziging ${a.seq}: geopend op ${dateTime(a.openedAt)} door ${a.openedBy} — reden: ${sentence(a.reason)} Vastgestelde tekst vóór de wijziging: ${shortHash(a.fromHash)}${a.toHash ? `, erna: ${shortHash(a.toHash)}` : " (nog niet opnieuw vastgesteld)"}.`));
    }
  }
  return out;
}

function integrityAppendix(data: DossierData): Block[] {
  const { checkpoint } = data;
  const textRows: string[][] = [];
  for (const d of data.disputed) {
    d.textVersions.forEach((v, k) => textRows.push([d.point.title, `Versie ${k + 1}${v.textHash === d.point.textHash ? " (huidig)" : ""}`, v.textHash]));
  }
  const minutesRows = data.meetings.filter((m) => m.minutes.hash).map((m) => [`${m.title} (${date(m.startsAt)})`, m.minutes.hash!]);
  return [
    heading(1, "Bijlage B. Integriteit en controle", "bijlage-integriteit"),
    para("Elke tekst in dit dossier is te controleren tegen het logboek van de tafel. Een tekst-hash is de SHA-256 (hexadecimaal) van de ProseMirror-JSON van de tekst met gesorteerde sleutels; elke gebeurtenis in het logboek bevat de hash van de vorige, zodat niets ongemerkt kan worden gewijzigd of verwijderd."),
    heading(2, "Tekstversies van de geschilpunten", "integriteit-teksten"),
    table(["Punt", "Versie", "SHA-256"], textRows),
    heading(2, "Vastgestelde notulen en procedure", "integriteit-notulen"),
    table(["Document", "SHA-256"], [...minutesRows, ["Afgesproken OOGO-procedure (paragraaf 2.3)", data.procedure.hash]]),
    heading(2, "Logboek", "integriteit-logboek"),
    fields([
      ["Gebeurtenissen t/m peilpunt", String(checkpoint.seq)],
      ["Hash van gebeurtenis " + checkpoint.seq, checkpoint.hash],
      ["Tijdstip van het peilpunt", dateTime(checkpoint.at)],
      ["Logboekkenmerk", checkpoint.kenmerk],
      ["Ketencontrole", checkpoint.valid ? "Geldig: elke gebeurtenis t/m het peilpunt klopt met haar hash en die van de vorige." : `ONGELDIG: de keten klopt niet bij ${brokenEventsLabel(checkpoint.brokenAt)}.`],
    ]),
    heading(3, "Het logboekkenmerk bewaren en controleren"),
    para(
      `Het logboekkenmerk ${checkpoint.kenmerk} legt vast hoe het logboek er op de peildatum uitzag: het getal is het aantal gebeurtenissen (${checkpoint.seq}), de letters en cijfers daarna zijn het begin van de hash van de laatste daarvan (hierboven voluit). ` +
      "Omdat elke gebeurtenis de hash van de vorige bevat, hangt dit kenmerk af van alles wat tot dan toe in het logboek staat. " +
      "Wie het kenmerk bewaart — de commissie, elke partij, elke deelnemer — kan later laten nagaan of het logboek er nog op voortbouwt: in OOGO Werkruimte onder “Overzicht”, “Controleer een bewaard kenmerk”. " +
      "Zijn er achteraf gebeurtenissen weggelaten, of is de geschiedenis herschreven en de keten opnieuw berekend, dan komt het bewaarde kenmerk niet meer voor en meldt de controle dat. " +
      "Zo hangt de betrouwbaarheid van het logboek niet alleen af van de database van de tafel, maar ook van de kenmerken die anderen hebben bewaard.",
    ),
    para("Het samenstellen van dit dossier is zelf als gebeurtenis in het logboek vastgelegd, ná het peilpunt en met de inhoudshash hieronder. Exports tellen niet mee voor het peilpunt, zodat hetzelfde logboek altijd hetzelfde dossier oplevert."),
    heading(2, "Inhoudshash van dit dossier", "integriteit-inhoud"),
    para(run(CONTENT_HASH_PLACEHOLDER, { mono: true })),
    styled("small", "SHA-256 van de volledige inhoud van dit dossier (alle tekst en tabellen in vaste volgorde), met uitzondering van deze waarde zelf. De PDF- en de Word-versie hebben dezelfde inhoud en dus dezelfde inhoudshash."),
    heading(2, "Zo controleert u dit dossier", "controle"),
    para("U hoeft de techniek niet te kennen om het dossier te controleren. Vraag het secretariaat van de tafel om een uittreksel van het logboek met de ketencontrole en vergelijk dan:"),
    { kind: "list", ordered: true, items: [
      [para("De ketencontrole van het logboek moet “geldig” melden, net als hierboven onder “Logboek”.")],
      [para(`Gebeurtenis ${checkpoint.seq} in het logboek moet dezelfde hash hebben als hierboven: `, hashRun(checkpoint.hash), ". Klopt die, dan is het logboek tot en met het peilpunt niet gewijzigd sinds dit dossier werd samengesteld.")],
      [para("Het logboek moet een gebeurtenis “dossier samengesteld” bevatten met de inhoudshash van dit dossier (hierboven en onderaan elke pagina). Die vermeldt wie het dossier wanneer samenstelde, voor welke punten en welke route.")],
      [para("De tekst-hashes in hoofdstuk 3 en in deze bijlage moeten terugkomen bij de standpunten, ondertekeningen en agenderingen in het logboek. Zo ziet u dat partijen zich uitspraken over precies de tekst die in dit dossier staat.")],
    ] },
    styled("small", run("Technische toelichting. ", { bold: true }),
      `De ketencontrole is ook op te vragen via de programmeerinterface van OOGO Werkruimte: GET /api/workspaces/${data.tafel.workspace.id}/log/verify; met ?count=${checkpoint.seq}&head=${checkpoint.hash.slice(0, 16)} (of de volledige hash) meldt die ook of het logboek nog op het kenmerk van dit dossier voortbouwt. Een tekst-hash narekenen kan met elk SHA-256-programma over de ProseMirror-JSON van de tekst met gesorteerde sleutels; de gebeurtenis van het samenstellen heet in het logboek “dossier.generated”.`),
  ];
}
