/**
 * Invitations to a tafel (ADR 0005, 0011). An invitation names one tafel, one role, one party; it
 * is not a membership. Its state is derived — never stored — from the invitation row and the
 * outbox row of its latest mail, so it cannot drift from what actually happened:
 *
 *   ingetrokken   withdrawn by whoever manages the members
 *   aangenomen    the link was accepted: the person is a member now
 *   verlopen      the link ran out (14 days) before it was accepted
 *   geopend       a browser opened the link (the invitation page greeted the invitee)
 *   verstuurd     the mail server accepted the mail (or, without SMTP, it went to the server log)
 *   niet_verstuurd the mail failed (a retry is waiting, or the sender gave up), or there is no mail
 *   wordt_verstuurd the mail is in the queue or on its way
 */
import type { MailState } from "./mail.ts";

/** How long an invitation link works. */
export const INVITATION_DAYS = 14;

export const INVITATION_STATES = [
  "wordt_verstuurd",
  "verstuurd",
  "niet_verstuurd",
  "geopend",
  "aangenomen",
  "verlopen",
  "ingetrokken",
] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  wordt_verstuurd: "Wordt verstuurd",
  verstuurd: "Verstuurd",
  niet_verstuurd: "Niet verstuurd",
  geopend: "Geopend",
  aangenomen: "Aangenomen",
  verlopen: "Verlopen",
  ingetrokken: "Ingetrokken",
};

export interface InvitationFacts {
  expiresAt: string;
  acceptedAt: string | null;
  withdrawnAt: string | null;
  openedAt: string | null;
}

/** The state of an invitation at `now`, given the state of its latest mail (null: no mail was queued). */
export function invitationState(inv: InvitationFacts, mail: MailState | null, now: Date): InvitationState {
  if (inv.withdrawnAt) return "ingetrokken";
  if (inv.acceptedAt) return "aangenomen";
  if (Date.parse(inv.expiresAt) <= now.getTime()) return "verlopen";
  // Opened means the link reached the person, whatever the outbox knows.
  if (inv.openedAt) return "geopend";
  if (mail === "verstuurd") return "verstuurd";
  if (mail === "wachtrij" || mail === "verzenden") return "wordt_verstuurd";
  return "niet_verstuurd";
}

/** Still someone's to act on: may be resent or withdrawn. */
export const isOpenInvitation = (state: InvitationState) => state !== "aangenomen" && state !== "ingetrokken";
