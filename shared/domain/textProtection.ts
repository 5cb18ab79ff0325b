/**
 * Why a point's text cannot be typed into (issue 13): its status freezes it, or a bestuurder's
 * valid signature protects it until someone chooses "Heropenen". One sentence, shown in the
 * editor and used by the sync server's refusal, so both say the same.
 */
import { isTextLocked, statusLabel, type PointStatus } from "./pointStatus.ts";

/** Who signed the current text, as shown: "wethouder J. de Vries (Gemeente Groningen)". */
export interface ValidSigner {
  name: string;
  partyName: string;
}

export function textProtectionReason(status: PointStatus, signers: readonly ValidSigner[]): string | null {
  if (status === "overeenstemming") return "De tekst ligt vast: er is overeenstemming. Een wijziging gaat via Herzien.";
  if (status === "akkoord_in_overleg")
    return "De tekst ligt vast: het bestuurlijk overleg heeft ermee ingestemd en de bestuurders ondertekenen hem. Wijzigen kan pas na Heropenen.";
  if (isTextLocked(status)) return `De tekst ligt vast: het punt is ${statusLabel(status).toLowerCase()}.`;
  if (signers.length > 0) {
    const who = signers.map((s) => `${s.name} (${s.partyName})`).join(", ");
    return `De tekst is ondertekend door ${who}. Typen zou die handtekening ongeldig maken; wijzigen kan pas na Heropenen, met een reden.`;
  }
  return null;
}
