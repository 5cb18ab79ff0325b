/**
 * Inviting many people at once from a CSV: `previewInvitations` checks every row and writes
 * nothing; `inviteMany` checks the same way again and then invites all rows in ONE transaction —
 * or, when any row has a problem, none (400 naming the lines). The mails go to the outbox in that
 * transaction (enqueueMails) and leave after the commit, off the request path.
 */
import { eq } from "drizzle-orm";
import { organisations, workspaceParties } from "../../../db/schema/index.ts";
import { describeParty, partyFromText, roleFromText, ROLE_CHOICES } from "../../../shared/domain/invitationRows.ts";
import { requiresParty, ROLE_LABELS } from "../../../shared/domain/roles.ts";
import type {
  InvitationCsvInput,
  InvitationPreview,
  InvitationPreviewRow,
} from "../../../shared/schemas/invitations.ts";
import { InviteMemberInput, type InvitationView } from "../../../shared/schemas/workspace.ts";
import type { Db } from "../../../db/client.ts";
import type { WriteTx } from "../../../db/writeLock.ts";
import { ApiError } from "../../http/errors.ts";
import { nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { createInvitations, takenAddresses, type NewInvitation } from "./createInvitations.ts";
import { readInvitationCsv } from "./invitationCsv.ts";
import { listInvitations } from "./invitationRecords.ts";
import { managerOf } from "./memberRules.ts";

export interface CsvCommand extends InvitationCsvInput {
  workspaceId: string;
}

const fields = InviteMemberInput.shape;
/** The first Dutch message of a zod failure, or null when the value passes. */
function problemOf<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } };
  },
  value: unknown,
): { value: T | null; problem: string | null } {
  const result = schema.safeParse(value);
  return result.success
    ? { value: result.data, problem: null }
    : { value: null, problem: result.error.issues[0]?.message ?? "Ongeldige waarde" };
}

async function partiesOf(db: Db | WriteTx, workspaceId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      swvCode: organisations.swvCode,
      cbsCode: organisations.cbsCode,
    })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId))
    .orderBy(workspaceParties.position);
}

interface Checked {
  preview: InvitationPreview;
  /** Every row as an invitation, when `preview.ok`. */
  invitations: NewInvitation[];
}

/** Checks every row against the rules of a single invitation and against this tafel as it is now. */
async function checkCsv(db: Db | WriteTx, workspaceId: string, csv: string, now: string): Promise<Checked> {
  const reading = readInvitationCsv(csv);
  const parties = await partiesOf(db, workspaceId);
  const partyList =
    parties.length <= 20 ? `: ${parties.map(describeParty).join(", ")}` : " (zie het Overzicht van de tafel)";
  const emails = reading.records
    .map((r) => problemOf(fields.email, r.cells[1] ?? "").value)
    .filter((e): e is string => !!e);
  const taken = await takenAddresses(db, workspaceId, [...new Set(emails)], now);
  const firstLineOf = new Map<string, number>();

  const rows: InvitationPreviewRow[] = [];
  const invitations: NewInvitation[] = [];
  for (const { line, cells } of reading.records) {
    const [nameText = "", emailText = "", partyText = "", roleText = "", titleText = ""] = cells;
    const problems: string[] = [];
    if (cells.length < 4)
      problems.push(`Te weinig kolommen (${cells.length}): verwacht naam;e-mail;partij;rol en eventueel ;functie.`);
    if (cells.length > 5)
      problems.push(
        `Te veel kolommen (${cells.length}): verwacht naam;e-mail;partij;rol en eventueel ;functie. Staat er een scheidingsteken in een veld? Zet dat veld dan tussen aanhalingstekens.`,
      );

    const name = problemOf(fields.name, nameText);
    if (name.problem) problems.push(name.problem);
    const email = problemOf(fields.email, emailText);
    if (email.problem) problems.push(emailText ? `${email.problem}: "${emailText}".` : "Vul een e-mailadres in.");
    if (email.value) {
      const first = firstLineOf.get(email.value);
      if (first !== undefined) problems.push(`Dit e-mailadres staat ook op regel ${first}.`);
      else firstLineOf.set(email.value, line);
      const why = taken.get(email.value);
      if (why === "member") problems.push("Deze persoon is al deelnemer aan deze tafel.");
      if (why === "invited") problems.push("Voor dit e-mailadres staat al een uitnodiging open.");
    }
    const role = roleText ? roleFromText(roleText) : null;
    if (!roleText) problems.push(`Vul een rol in: ${ROLE_CHOICES}.`);
    else if (!role) problems.push(`Onbekende rol "${roleText}". Kies uit: ${ROLE_CHOICES}.`);
    const party = partyText ? partyFromText(partyText, parties) : null;
    if (partyText && !party)
      problems.push(`Onbekende partij "${partyText}". Gebruik de naam of code zoals op deze tafel${partyList}.`);
    if (!partyText && role && requiresParty(role))
      problems.push(`De rol ${ROLE_LABELS[role]} handelt namens een partij: vul de partij in.`);
    const title = titleText ? problemOf(fields.title, titleText) : { value: null, problem: null };
    if (title.problem) problems.push(title.problem);

    rows.push({
      line,
      name: name.value ?? nameText,
      email: email.value ?? emailText,
      partyText,
      party: party ? { id: party.id, name: party.name, kind: party.kind } : null,
      roleText,
      role,
      title: title.value ?? (titleText || null),
      problems,
    });
    if (problems.length === 0) {
      invitations.push({
        name: name.value!,
        email: email.value!,
        role: role!,
        partyId: party?.id ?? null,
        title: title.value ?? null,
      });
    }
  }
  const rowsWithProblems = rows.filter((r) => r.problems.length > 0).length;
  return {
    preview: {
      rows,
      problems: reading.problems,
      delimiter: reading.delimiter,
      headerSkipped: reading.headerSkipped,
      rowsWithProblems,
      ok: reading.problems.length === 0 && rowsWithProblems === 0 && rows.length > 0,
    },
    invitations,
  };
}

/** Every row with its problems, in Dutch; writes nothing. */
export async function previewInvitations(ctx: ServiceContext, input: CsvCommand): Promise<InvitationPreview> {
  await managerOf(ctx, input.workspaceId, "deelnemers uitnodigen");
  return (await checkCsv(ctx.deps.database.db, input.workspaceId, input.csv, nowIso(ctx))).preview;
}

/** "regel 3: …; regel 17: …" — at most `max` lines named, then how many more. */
function summarise(rows: InvitationPreviewRow[], max = 10): string {
  const named = rows.slice(0, max).map((r) => `regel ${r.line}: ${r.problems.join(" ")}`);
  if (rows.length > max) named.push(`en nog ${rows.length - max} regel${rows.length - max === 1 ? "" : "s"}`);
  return named.join("; ");
}

/** Invites every row, or — when any row or the file has a problem — nobody (400 naming the lines). */
export async function inviteMany(ctx: ServiceContext, input: CsvCommand): Promise<InvitationView[]> {
  const inviter = await managerOf(ctx, input.workspaceId, "deelnemers uitnodigen");
  return withTransaction(ctx, async (t) => {
    // Checked inside the write transaction: nobody can take an address between the check and the insert.
    const { preview, invitations } = await checkCsv(t.tx, input.workspaceId, input.csv, nowIso(t));
    if (preview.problems.length > 0) {
      throw new ApiError("VALIDATION_FAILED", `Er is niets verstuurd. ${preview.problems.join(" ")}`, "csv");
    }
    if (!preview.ok) {
      const bad = preview.rows.filter((r) => r.problems.length > 0);
      const count = bad.length === 1 ? "1 regel heeft" : `${bad.length} regels hebben`;
      throw new ApiError(
        "VALIDATION_FAILED",
        `Er is niets verstuurd: ${count} een fout — ${summarise(bad)}. Pas het bestand aan en probeer het opnieuw.`,
        "csv",
      );
    }
    const ids = await createInvitations(t, inviter, input.workspaceId, invitations);
    const views = await listInvitations(t.tx, input.workspaceId, t.clock.now(), ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    return views.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}
