/**
 * Roles and capabilities: the ONE table every permission question reads.
 *
 * Server code enforces it (`assertCan` in server/auth), the client reads the same
 * table only to enable or disable controls. Never compare role names elsewhere.
 */

export const ROLES = ["ambtenaar", "trekker", "bestuurder", "secretaris", "waarnemer", "beheerder"] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  /** See the tafel itself: plan, parties, themes and who takes part in which role. */
  "workspace.read",
  /**
   * See the content of the tafel: the spiegelparagraaf and other documents (sync), points,
   * meetings, the procedure, the log, the live event stream. Every content endpoint asks for it.
   */
  "content.read",
  /** Co-edit prose: the spiegelparagraaf and the text of overeenstemmingspunten. */
  "text.edit",
  /** Comment on a text (select, comment, reply, resolve): readers too, without editing (issue 12). */
  "comment.write",
  /** Create overeenstemmingspunten and change their title, scope, term and links. */
  "point.manage",
  /** Record the ambtelijk position (stance) of one's own party. */
  "stance.record",
  /** Sign an overeenstemmingspunt on behalf of one's own party (wethouder / SWV bestuurder). */
  "point.signoff",
  /** Declare that no agreement was reached, refer back, or start a dispute (bestuurlijk). */
  "point.decide",
  /** Move a point through the secretariat steps (agenda, recording outcomes, vastleggen). */
  "point.administer",
  /** Plan meetings, keep attendance, agenda and decisions. */
  "meeting.manage",
  /** Co-edit meeting minutes and the procedure document. */
  "minutes.edit",
  /** Put minutes to the parties for approval, withdraw them, and amend approved minutes. */
  "minutes.approve",
  /** Agree, for one's own party, with minutes put to the parties (the party's trekker). */
  "minutes.agree",
  /** Keep the agreed OOGO procedure and its checklist of steps. */
  "procedure.manage",
  /** Produce the dossier for the Geschillencommissie OOGO. */
  "dossier.build",
  /** Download the oplegger (summary of agreements). */
  "oplegger.export",
  /** Invite members, change and revoke roles, see invitations and the tafel's outgoing mail. */
  "members.manage",
  /** Keep the tafel itself: details, plans, parties (incl. "niet meer aan tafel"), themes, the next planperiode. */
  "tafel.manage",
  /** Upload a version of a plan on the tafel (DOCX/PDF); party roles only for their own party's plan (shared/domain/planImport.ts). */
  "plan.import",
  /** Work the tafel's bespreekpunten: status, lead, question, links, and add the tafel's own (issue 14). */
  "bespreekpunt.manage",
  /** Set a member to "alleen voorstellen" on a document: they may only suggest changes there (issue 12, ADR 0016). */
  "suggestions.restrict",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Human labels (Dutch) for the UI. */
export const ROLE_LABELS: Record<Role, string> = {
  ambtenaar: "Ambtenaar (werkgroep)",
  trekker: "Ambtelijk trekker",
  bestuurder: "Bestuurder / wethouder",
  secretaris: "Secretaris",
  waarnemer: "Waarnemer",
  beheerder: "Beheerder",
};

const R = true;
const _ = false;

/**
 * Rows are capabilities, columns are roles in the order of ROLES:
 * ambtenaar, trekker, bestuurder, secretaris, waarnemer, beheerder.
 */
const TABLE: Record<Capability, readonly [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  //                   amb trk bes sec wrn beh
  "workspace.read": [R, R, R, R, R, R],
  // The beheerder manages people, not the OOGO itself: no content, so no oplegger either (ADR 0005).
  "content.read": [R, R, R, R, R, _],
  "text.edit": [R, R, _, R, _, _],
  // Everyone who reads the content may comment on it: the wethouder and the waarnemer too.
  "comment.write": [R, R, R, R, R, _],
  "point.manage": [R, R, _, R, _, _],
  "stance.record": [_, R, _, _, _, _],
  "point.signoff": [_, _, R, _, _, _],
  "point.decide": [_, _, R, _, _, _],
  "point.administer": [_, _, _, R, _, _],
  "meeting.manage": [_, _, _, R, _, _],
  "minutes.edit": [R, R, _, R, _, _],
  "minutes.approve": [_, _, _, R, _, _],
  "minutes.agree": [_, R, _, _, _, _],
  "procedure.manage": [_, _, _, R, _, _],
  "dossier.build": [_, _, _, R, _, _],
  "oplegger.export": [R, R, R, R, R, _],
  // The secretaris runs the tafel, so also its people, without a second account (ADR 0011).
  "members.manage": [_, _, _, R, _, R],
  // Whoever runs the tafel keeps its set-up; it changes no content (ADR 0010).
  "tafel.manage": [_, _, _, R, _, R],
  // Who writes a plan brings it in: the party's werkgroep for its own plan, the secretaris for any.
  // Not the beheerder: a plan version is content, which they do not see (ADR 0005).
  "plan.import": [R, R, _, R, _, _],
  // Whoever prepares the OOGO works the leeswijzer's questions (issue 14); agendering stays meeting.manage.
  "bespreekpunt.manage": [R, R, _, R, _, _],
  // Who manages the members decides who may only suggest (ADR 0016).
  "suggestions.restrict": [_, _, _, R, _, R],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isCapability(value: unknown): value is Capability {
  return typeof value === "string" && (CAPABILITIES as readonly string[]).includes(value);
}

/** True when `role` holds `capability`. Unknown roles or capabilities are always denied. */
export function can(role: unknown, capability: unknown): boolean {
  if (!isRole(role) || !isCapability(capability)) return false;
  const row = TABLE[capability];
  return row[ROLES.indexOf(role)] === true;
}

/** Every capability of a role, for presenting abilities to the client. */
export function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITIES.filter((c) => can(role, c));
}

/** Roles that act on behalf of a party and therefore need one. */
export const PARTY_ROLES: readonly Role[] = ["ambtenaar", "trekker", "bestuurder"];
export const requiresParty = (role: Role) => PARTY_ROLES.includes(role);

/**
 * Roles of the INSTANCE, held by an account rather than at a tafel (ADR 0010). The
 * applicatiebeheerder sets tafels up for a region and appoints whoever runs each; they read no
 * content and no member lists, and hold no tafel role unless invited like anyone else.
 */
export const INSTANCE_ROLES = ["applicatiebeheerder"] as const;
export type InstanceRole = (typeof INSTANCE_ROLES)[number];

export const INSTANCE_CAPABILITIES = [
  /** Create a tafel with its plans, parties and themes, and invite its first beheerder/secretaris. */
  "instance.tafels.create",
  /** List the tafels of this instance: name, plans, who runs each, created date — no content. */
  "instance.tafels.list",
] as const;
export type InstanceCapability = (typeof INSTANCE_CAPABILITIES)[number];

export const INSTANCE_ROLE_LABELS: Record<InstanceRole, string> = { applicatiebeheerder: "Applicatiebeheerder" };

const INSTANCE_TABLE: Record<InstanceCapability, readonly InstanceRole[]> = {
  "instance.tafels.create": ["applicatiebeheerder"],
  "instance.tafels.list": ["applicatiebeheerder"],
};

export function isInstanceRole(value: unknown): value is InstanceRole {
  return typeof value === "string" && (INSTANCE_ROLES as readonly string[]).includes(value);
}

/** True when any of `roles` (instance roles of one account) holds `capability`. Unknown values are denied. */
export function canInstance(roles: readonly unknown[], capability: unknown): boolean {
  if (typeof capability !== "string" || !(INSTANCE_CAPABILITIES as readonly string[]).includes(capability))
    return false;
  const holders = INSTANCE_TABLE[capability as InstanceCapability];
  return roles.some((r) => isInstanceRole(r) && holders.includes(r));
}

export function instanceCapabilitiesOf(roles: readonly unknown[]): InstanceCapability[] {
  return INSTANCE_CAPABILITIES.filter((c) => canInstance(roles, c));
}
