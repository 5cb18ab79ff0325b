/**
 * Invitations to a tafel (ADR 0005). An invitation names one tafel, one role, one party; it is
 * not a membership. Accepted and withdrawn invitations are history; the others are shown to the
 * beheerder in one of these states.
 */

/** How long an invitation link works. */
export const INVITATION_DAYS = 14;

export const INVITATION_STATES = ["uitgenodigd", "verlopen"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  uitgenodigd: "Uitgenodigd",
  verlopen: "Verlopen",
};

/** The state of an open (not accepted, not withdrawn) invitation at `now`. */
export function invitationState(expiresAt: string, now: Date = new Date()): InvitationState {
  return Date.parse(expiresAt) > now.getTime() ? "uitgenodigd" : "verlopen";
}
