/** Bijlage A: the approved minutes, quoted exactly, with their amendments. */
import { MEETING_TYPE_LABELS } from "../../../../shared/domain/meetings.ts";
import { shortHash } from "../../../../shared/domain/textHash.ts";
import type { DossierData } from "../collectDossier.ts";
import { heading, styled, type Block } from "../docModel.ts";
import { prosemirrorToBlocks } from "../prosemirrorBlocks.ts";
import { date, dateTime, sentence } from "./format.ts";

export function minutesAppendix(data: DossierData): Block[] {
  const approved = data.meetings.filter((m) => m.minutes.json);
  const out: Block[] = [heading(1, "Bijlage A. Vastgestelde notulen", "bijlage-notulen")];
  if (approved.length === 0) out.push(styled("muted", "Er zijn nog geen notulen vastgesteld."));
  for (const m of approved) {
    out.push(heading(2, `${MEETING_TYPE_LABELS[m.type]}: ${m.title} — ${date(m.startsAt)}`, `notulen-${m.id}`));
    out.push({
      kind: "quote",
      caption: `Vastgesteld op ${dateTime(m.minutes.approvedAt!)} door ${m.minutes.approvedBy} — kenmerk ${shortHash(m.minutes.hash ?? "")}`,
      blocks: prosemirrorToBlocks(m.minutes.json),
    });
    for (const a of m.amendments) {
      out.push(
        styled(
          "muted",
          `Wijziging ${a.seq}: geopend op ${dateTime(a.openedAt)} door ${a.openedBy} — reden: ${sentence(a.reason)} Vastgestelde tekst vóór de wijziging: ${shortHash(a.fromHash)}${a.toHash ? `, erna: ${shortHash(a.toHash)}` : " (nog niet opnieuw vastgesteld)"}.`,
        ),
      );
    }
  }
  return out;
}
