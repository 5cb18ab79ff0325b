/**
 * How a row of an invitation CSV (`naam;e-mail;partij;rol[;functie]`) names a role and a party.
 * People fill these in by hand or export them from a spreadsheet, so a role may be its Dutch label
 * ("Ambtelijk trekker"), part of it ("wethouder") or its key ("trekker"), and a party its name as
 * shown on the tafel ("Gemeente Groningen", also "Groningen") or its code ("GM0014", "VO 20.01").
 * Pure: the server uses it to check an import; the client may show the same hints.
 */
import type { OrganisationKind } from "./parties.ts";
import { ROLES, ROLE_LABELS, type Role } from "./roles.ts";

/** Rows one import may hold (an invitation round for a large region fits many times over). */
export const MAX_INVITATION_ROWS = 1000;

export const INVITATION_CSV_COLUMNS = ["naam", "e-mail", "partij", "rol", "functie"] as const;

const norm = (text: string) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
/** Codes are compared without spaces, dots' neighbours or case: "vo 20.01" = "VO20.01". */
const normCode = (text: string) => text.normalize("NFC").toUpperCase().replace(/\s+/g, "");

/** Every way a role may be written, normalised. */
const ROLE_NAMES: ReadonlyMap<string, Role> = (() => {
  const names = new Map<string, Role>();
  for (const role of ROLES) {
    const label = ROLE_LABELS[role];
    names.set(norm(role), role);
    names.set(norm(label), role);
    // "Ambtenaar (werkgroep)" → "ambtenaar"; "Bestuurder / wethouder" → "bestuurder", "wethouder".
    names.set(norm(label.replace(/\(.*?\)/g, "")), role);
    for (const part of label.split("/")) names.set(norm(part.replace(/\(.*?\)/g, "")), role);
  }
  names.set("trekker", "trekker");
  return names;
})();

export function roleFromText(text: string): Role | null {
  return ROLE_NAMES.get(norm(text)) ?? null;
}

/** The ways to write a role, for a message: "Ambtenaar (werkgroep), Ambtelijk trekker, …". */
export const ROLE_CHOICES = ROLES.map((r) => ROLE_LABELS[r]).join(", ");

export interface PartyChoice {
  id: string;
  name: string;
  kind: OrganisationKind;
  swvCode: string | null;
  cbsCode: string | null;
}

/** The party of this tafel a cell names, or null. Ambiguous short names ("Groningen" for two parties) match none. */
export function partyFromText<P extends PartyChoice>(text: string, parties: readonly P[]): P | null {
  const name = norm(text);
  const code = normCode(text);
  if (!name) return null;
  const byName = parties.filter((p) => norm(p.name) === name);
  if (byName.length === 1) return byName[0]!;
  const byCode = parties.filter((p) => [p.swvCode, p.cbsCode].some((c) => c !== null && normCode(c) === code));
  if (byCode.length === 1) return byCode[0]!;
  // "Groningen" for "Gemeente Groningen".
  const byShortName = parties.filter(
    (p) => p.kind === "gemeente" && norm(p.name.replace(/^gemeente\s+/i, "")) === name,
  );
  return byShortName.length === 1 ? byShortName[0]! : null;
}

/** "Gemeente Groningen (GM0014)": how a party is named in a message. */
export function describeParty(p: PartyChoice): string {
  const code = p.swvCode ?? p.cbsCode;
  return code ? `${p.name} (${code})` : p.name;
}

/** A first row like "naam;e-mail;partij;rol" is a header, not a person. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const first = norm(cells[0] ?? "");
  const second = norm(cells[1] ?? "");
  return ["naam", "name", "volledige naam"].includes(first) && second.includes("mail");
}
