import { z } from "zod";
import { ROLES, CAPABILITIES } from "../domain/roles.ts";
import { INVITATION_STATES } from "../domain/invitations.ts";
import { MAIL_STATES } from "../domain/mail.ts";
import {
  ORGANISATION_KINDS,
  OTHER_PARTICIPANT_TYPES,
  PLAN_STATUSES,
  PLAN_TYPES,
  SECTORS,
  TAFEL_LEVELS,
} from "../domain/parties.ts";
import { Email, Id } from "./common.ts";
import { freeText } from "./freeText.ts";
import { PartyRef } from "./auth.ts";

export const PartyView = z.object({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  /** Overig only: mbo-instelling, schoolbestuur, OPR, ketenpartner. */
  subtype: z.enum(OTHER_PARTICIPANT_TYPES).nullable(),
  name: z.string(),
  swvCode: z.string().nullable(),
  sector: z.enum(SECTORS).nullable(),
  cbsCode: z.string().nullable(),
  coverageNote: z.string().nullable(),
  /** Calendar date from which the party is "niet meer aan tafel"; null while it takes part. */
  leftAt: z.string().nullable(),
  color: z.string(),
});
export type PartyView = z.infer<typeof PartyView>;

/** A theme of the tafel; `standard` for the six standard keys, `archived` ones only label old points. */
export const ThemeView = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  standard: z.boolean(),
  archived: z.boolean(),
});
export type ThemeView = z.infer<typeof ThemeView>;

/** A plan on the table (ADR 0010). */
export const PlanView = z.object({
  id: z.string(),
  kind: z.enum(PLAN_TYPES),
  /** The SWV (ondersteuningsplan) or gemeente (jeugdplan) whose plan it is. */
  party: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The SWV's sector for an ondersteuningsplan (gives WPO or WVO 2020 as legal basis). */
  sector: z.enum(SECTORS).nullable(),
  title: z.string(),
  period: z.object({ start: z.number(), end: z.number() }),
  status: z.enum(PLAN_STATUSES),
  versionLabel: z.string(),
});
export type PlanView = z.infer<typeof PlanView>;

export const WorkspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  plans: z.array(PlanView),
  role: z.enum(ROLES),
  party: PartyRef.nullable(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const WorkspaceView = WorkspaceSummary.extend({
  level: z.enum(TAFEL_LEVELS),
  /** The regional tafel a local tafel elaborates. */
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The tafel of the previous planperiode this one continues. */
  previousWorkspaceId: z.string().nullable(),
  createdAt: z.string(),
  parties: z.array(PartyView),
  themes: z.array(ThemeView),
  capabilities: z.array(z.enum(CAPABILITIES)),
  /** Name of the spiegelparagraaf's Yjs document on the sync endpoint. */
  spiegelparagraafDocument: z.string(),
  /** Name of the agreed-procedure Yjs document. */
  procedureDocument: z.string(),
});
export type WorkspaceView = z.infer<typeof WorkspaceView>;

export const MemberView = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  party: PartyRef.nullable(),
  title: z.string().nullable(),
});
export type MemberView = z.infer<typeof MemberView>;

/** The latest mail of an invitation, as far as the person who manages members needs it. */
export const InvitationMailView = z.object({
  /** The outbox row: `POST /api/workspaces/:id/outbox/:mailId/retry` puts a failed mail back in the queue. */
  id: z.string(),
  state: z.enum(MAIL_STATES),
  sentAt: z.string().nullable(),
  /** Why it failed, in Dutch, with the mail server's reply. */
  lastError: z.string().nullable(),
  /** When the sender tries again by itself (only while a retry is waiting). */
  nextAttemptAt: z.string().nullable(),
  canRetry: z.boolean(),
});
export type InvitationMailView = z.infer<typeof InvitationMailView>;

/**
 * An invitation, as whoever manages members sees it. Built only from what they typed and what
 * happened to the invitation, so it looks the same whether or not an account exists for the address.
 */
export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  party: PartyRef.nullable(),
  title: z.string().nullable(),
  state: z.enum(INVITATION_STATES),
  createdAt: z.string(),
  expiresAt: z.string(),
  openedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Name of who sent the current link (invited or resent); null for invitations from before it was kept. */
  invitedBy: z.string().nullable(),
  /** The latest invitation mail; null when none was queued (invitations from before mail existed). */
  mail: InvitationMailView.nullable(),
  /** A new link and a new mail; the old link stops working. */
  canResend: z.boolean(),
  canWithdraw: z.boolean(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** Members of a tafel; `invitations` (open ones first, then history) only for whoever manages members, empty for others. */
export const MembersView = z.object({ members: z.array(MemberView), invitations: z.array(InvitationView) });
export type MembersView = z.infer<typeof MembersView>;

/**
 * The answer to an invitation: the same fields whether or not the address has an account. The
 * link is never in it: it goes by mail to the address only, so only its owner can choose the
 * first password (ADR 0005).
 */
export const InviteResult = z.object({ invitation: InvitationView });
export type InviteResult = z.infer<typeof InviteResult>;

export const InviteMemberInput = z.object({
  email: Email,
  name: freeText({ label: "de naam", min: 2, max: 120, tooShort: "Vul een naam in" }),
  role: z.enum(ROLES, { message: "Kies een geldige rol" }),
  partyId: Id.nullable().optional(),
  title: freeText({ label: "de functie", max: 120 }).nullable().optional(),
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const ChangeMemberInput = z.object({
  role: z.enum(ROLES, { message: "Kies een geldige rol" }),
  partyId: Id.nullable().optional(),
  title: freeText({ label: "de functie", max: 120 }).nullable().optional(),
});
export type ChangeMemberInput = z.infer<typeof ChangeMemberInput>;
