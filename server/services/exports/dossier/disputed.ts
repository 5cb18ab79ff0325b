/** Chapter 3: per disputed point its exact text versions, each party's stances, the signatures and the status history. */
import { MEETING_TYPE_LABELS } from "../../../../shared/domain/meetings.ts";
import { shortHash } from "../../../../shared/domain/textHash.ts";
import type { PointEventView } from "../../../../shared/schemas/points.ts";
import type { PointDossier } from "../../points/listPointEventsForDossier.ts";
import type { DossierData } from "../collectDossier.ts";
import { fields, heading, para, run, styled, table, type Block } from "../docModel.ts";
import { prosemirrorToBlocks } from "../prosemirrorBlocks.ts";
import { partyName, themeLabel } from "../tafelContext.ts";
import { actorLabel, date, dateTime, lowerFirst, sentence, stanceLabel, status } from "./format.ts";

export function disputedChapter(data: DossierData): Block[] {
  const out: Block[] = [
    heading(1, "3. Geschilpunten", "geschilpunten"),
    para(
      "Per punt: de precieze tekstversies die in het overleg een rol speelden (elk met zijn kenmerk, voluit in bijlage B), het standpunt van elke partij met toelichting in volgorde van tijd, de ondertekeningen en het statusverloop.",
    ),
  ];
  data.disputed.forEach((d, i) => out.push(...disputedPoint(data, d, i + 1)));
  return out;
}

function disputedPoint(data: DossierData, d: PointDossier, index: number): Block[] {
  const { tafel } = data;
  const p = d.point;
  const scope = p.scope.all
    ? "Alle gemeenten van de tafel"
    : p.scope.gemeenteIds.map((id) => partyName(tafel, id)).join(", ");
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
      caption: `Tekstversie ${k + 1} van ${versions.length}${v.textHash === p.textHash ? " (huidige tekst)" : ""} — kenmerk ${shortHash(v.textHash)}`,
      blocks: [
        ...prosemirrorToBlocks(v.json),
        styled(
          "muted",
          `Eerst vastgelegd op ${dateTime(v.createdAt)}.${uses.length ? ` Gebruikt bij: ${uses.join("; ")}.` : ""}`,
        ),
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
    out.push(
      table(
        ["Datum", "Standpunt", "Toelichting", "Vastgelegd door", "Tekst"],
        history.map((e) => [
          dateTime(e.at),
          stanceLabel(e.data.stance),
          e.reasoning ?? "",
          e.actor.name,
          shortHash(e.textHash ?? ""),
        ]),
      ),
    );
  }

  out.push(heading(3, "Ondertekeningen"));
  out.push(
    d.signoffs.length
      ? table(
          ["Partij", "Ondertekenaar", "Datum", "Tekst", "Geldigheid"],
          d.signoffs.map((s) => [
            s.partyName,
            `${s.signer.name}${s.signerTitle ? `, ${s.signerTitle}` : ""}`,
            dateTime(s.signedAt),
            shortHash(s.textHash),
            s.verouderd ? "Verouderd (tekst later gewijzigd)" : "Geldig",
          ]),
        )
      : styled("muted", "Geen ondertekeningen."),
  );

  out.push(heading(3, "Statusverloop"));
  out.push(
    d.statusEvents.length
      ? table(
          ["Datum", "Van → naar", "Door", "Toelichting"],
          d.statusEvents.map((e) => [
            dateTime(e.at),
            `${status(e.fromStatus)} → ${status(e.toStatus)}`,
            actorLabel(e),
            withMeeting(data, e),
          ]),
        )
      : styled("muted", "Geen statuswijzigingen."),
  );
  return out;
}

function withMeeting(data: DossierData, e: PointEventView): string {
  const meetingId = typeof e.data.meetingId === "string" ? e.data.meetingId : null;
  const meeting = meetingId ? data.meetings.find((m) => m.id === meetingId) : null;
  const reason = e.reasoning ?? "";
  return meeting
    ? `${reason ? `${sentence(reason)} ` : ""}(${MEETING_TYPE_LABELS[meeting.type]} van ${date(meeting.startsAt)})`
    : reason;
}

function versionUses(data: DossierData, d: PointDossier, hash: string): string[] {
  const uses: string[] = [];
  for (const e of d.stanceHistory.filter((s) => s.textHash === hash))
    uses.push(`standpunt ${e.actor.partyName ?? e.actor.name} (${date(e.at)})`);
  for (const s of d.signoffs.filter((x) => x.textHash === hash))
    uses.push(`ondertekend door ${s.partyName} (${date(s.signedAt)})`);
  for (const m of data.meetings) {
    if (m.agenda.some((a) => a.pointId === d.point.id && a.textHash === hash))
      uses.push(`agenda ${lowerFirst(MEETING_TYPE_LABELS[m.type])} van ${date(m.startsAt)}`);
  }
  return uses;
}
