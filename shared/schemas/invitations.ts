/**
 * Invitations beyond the single form: many at once from a CSV (preview, then one send), and the
 * greeting the invitation page shows when a link is opened. Single invitations and the views are
 * in ./workspace.ts.
 */
import { z } from "zod";
import { ROLES } from "../domain/roles.ts";
import { MAX_INVITATION_ROWS } from "../domain/invitationRows.ts";
import { PartyRef } from "./auth.ts";
import { InvitationView } from "./workspace.ts";

/** Characters of pasted or uploaded CSV text: 1000 rows of generous length. */
export const MAX_INVITATION_CSV_CHARS = 400_000;

/** The CSV as text: `naam;e-mail;partij;rol[;functie]`, also with commas; a header row is optional. */
export const InvitationCsvInput = z.object({
  csv: z
    .string({ message: "Plak de regels of kies een bestand" })
    .min(1, "Plak de regels of kies een bestand")
    .max(
      MAX_INVITATION_CSV_CHARS,
      `Het bestand is te groot (hoogstens ${MAX_INVITATION_CSV_CHARS / 1000}000 tekens, ${MAX_INVITATION_ROWS} regels); verdeel het over meer rondes`,
    ),
});
export type InvitationCsvInput = z.infer<typeof InvitationCsvInput>;

/** One row of the CSV as the server understood it, with every problem in Dutch. */
export const InvitationPreviewRow = z.object({
  /** Line in the file (1 = first line, the header included), so people find it in their editor. */
  line: z.number().int(),
  name: z.string(),
  email: z.string(),
  /** The party as typed, and the party of this tafel it matched (null: none given, or no match). */
  partyText: z.string(),
  party: PartyRef.nullable(),
  roleText: z.string(),
  role: z.enum(ROLES).nullable(),
  title: z.string().nullable(),
  problems: z.array(z.string()),
});
export type InvitationPreviewRow = z.infer<typeof InvitationPreviewRow>;

export const InvitationPreview = z.object({
  rows: z.array(InvitationPreviewRow),
  /** Problems of the file as a whole (no rows, too many rows, a quote that never closes). */
  problems: z.array(z.string()),
  delimiter: z.enum([";", ","]),
  headerSkipped: z.boolean(),
  /** Rows with at least one problem. */
  rowsWithProblems: z.number().int(),
  /** True when `POST …/invitations/bulk` with this CSV would invite every row. */
  ok: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const BulkInviteResult = z.object({ invitations: z.array(InvitationView) });
export type BulkInviteResult = z.infer<typeof BulkInviteResult>;

export const InvitationToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,128}$/, "Deze uitnodigingslink is ongeldig of onvolledig");

export const OpenInvitationInput = z.object({ token: InvitationToken });
export type OpenInvitationInput = z.infer<typeof OpenInvitationInput>;

/** What the invitation page says to whoever opened a working link. */
export const InvitationGreeting = z.object({
  tafelName: z.string(),
  /** Who sent this link; null for invitations from before it was kept. */
  inviterName: z.string().nullable(),
  role: z.enum(ROLES),
  partyName: z.string().nullable(),
  /** The invitee's name as it was typed by the inviter. */
  name: z.string(),
  expiresAt: z.string(),
});
export type InvitationGreeting = z.infer<typeof InvitationGreeting>;
