/**
 * What a change of members may not break (issue 15): a party of the OOGO (SWV or gemeente)
 * keeps an ambtelijk trekker — or nobody records its stance — and a bestuurder — or nobody
 * signs for it; the tafel keeps someone who can manage members, or nobody could invite,
 * change or remove anyone any more. A change only refuses what it TAKES AWAY: a party that
 * has no trekker yet (the tafel is still being set up) does not block other changes.
 *
 * Pure: the verbs enforce it inside their write transaction, the members page uses the same
 * words to say what a change will do before it asks for confirmation.
 */
import type { OrganisationKind } from "./parties.ts";
import { can, ROLE_LABELS, ROLES, type Role } from "./roles.ts";

export interface MemberSeat {
  id: string;
  role: Role;
  partyId: string | null;
}

export interface PartySeat {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** "Niet meer aan tafel": no longer needs anyone. */
  left?: boolean;
}

/** A new role and party for a member, or its removal from the tafel. */
export type MemberChange =
  { membershipId: string; remove: true } | { membershipId: string; remove?: false; role: Role; partyId: string | null };

/** Roles the tafel needs in each OOGO party, with what goes missing without them. */
export const PARTY_SEATS: ReadonlyArray<{ role: Role; missing: (party: string) => string }> = [
  { role: "trekker", missing: (p) => `niemand kan dan nog het ambtelijk standpunt van ${p} vastleggen` },
  { role: "bestuurder", missing: (p) => `niemand kan dan nog namens ${p} ondertekenen of besluiten` },
];

export const MANAGER_ROLES: readonly Role[] = ROLES.filter((r) => can(r, "members.manage"));
export const MANAGER_WORDS = MANAGER_ROLES.map((r) => ROLE_LABELS[r].toLowerCase()).join(" of ");

const needsSeats = (p: PartySeat | undefined) => !!p && !p.left && (p.kind === "swv" || p.kind === "gemeente");

/** The members after the change. */
export function applyMemberChange(members: readonly MemberSeat[], change: MemberChange): MemberSeat[] {
  if (change.remove) return members.filter((m) => m.id !== change.membershipId);
  return members.map((m) => (m.id === change.membershipId ? { ...m, role: change.role, partyId: change.partyId } : m));
}

/** The Dutch reason this change may not be made, or null. */
export function memberChangeProblem(
  members: readonly MemberSeat[],
  parties: readonly PartySeat[],
  change: MemberChange,
): string | null {
  const target = members.find((m) => m.id === change.membershipId);
  if (!target) return null;
  const after = applyMemberChange(members, change);
  const managers = (list: readonly MemberSeat[]) => list.filter((m) => can(m.role, "members.manage")).length;
  if (managers(members) > 0 && managers(after) === 0) {
    return `Dit is de laatste deelnemer die de deelnemers van deze tafel kan beheren (${MANAGER_WORDS}). Wijs eerst iemand anders die rol toe.`;
  }
  const party = parties.find((p) => p.id === target.partyId);
  if (!party || !needsSeats(party)) return null;
  for (const seat of PARTY_SEATS) {
    const count = (list: readonly MemberSeat[]) =>
      list.filter((m) => m.partyId === party.id && m.role === seat.role).length;
    if (count(members) > 0 && count(after) === 0) {
      return `${party.name} heeft dan geen ${ROLE_LABELS[seat.role].toLowerCase()} meer: ${seat.missing(party.name)}. Wijs eerst iemand anders van ${party.name} die rol toe.`;
    }
  }
  return null;
}

/** One sentence saying what the change will do, for the confirmation question. */
export function describeMemberChange(
  member: { name: string; role: Role; partyId: string | null },
  parties: readonly PartySeat[],
  change: MemberChange,
): string {
  const partyName = (id: string | null) => parties.find((p) => p.id === id)?.name ?? null;
  if (change.remove) return `${member.name} wordt van deze tafel verwijderd. De toegang vervalt direct.`;
  const was = partyName(member.partyId);
  const will = partyName(change.partyId);
  const roleWords = (role: Role, party: string | null) =>
    `${ROLE_LABELS[role].toLowerCase()}${party ? ` namens ${party}` : ""}`;
  const manages = (role: Role) => can(role, "members.manage");
  const note =
    manages(change.role) && !manages(member.role)
      ? " en kan dan zelf deelnemers beheren"
      : manages(member.role) && !manages(change.role)
        ? " en kan dan geen deelnemers meer beheren"
        : "";
  return `${member.name} wordt ${roleWords(change.role, will)} (nu ${roleWords(member.role, was)})${note}. Dit gaat direct in.`;
}
