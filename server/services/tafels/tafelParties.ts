/** A tafel's parties after creation: add one, mark one "niet meer aan tafel", remove one that left no trace. */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  invitations,
  meetingAttendance,
  meetingParties,
  memberships,
  organisations,
  pointScope,
  pointStances,
  points,
  signoffs,
  workspacePlans,
  workspaceParties,
} from "../../../db/schema/index.ts";
import { describeParty, partyIdentity, resolveParty, type ResolvedParty } from "../../../shared/domain/tafels.ts";
import type { ChangePartyInput, PartyInput } from "../../../shared/schemas/tafel.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { organisationRow } from "./createTafel.ts";
import { requireTafelParty, requireTafelRow, tafelManager } from "./tafelRecords.ts";

async function storedParties(db: DbOrTx, workspaceId: string) {
  return db
    .select({ org: organisations, link: workspaceParties })
    .from(workspaceParties)
    .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
    .where(eq(workspaceParties.workspaceId, workspaceId));
}

const changed = (t: TxContext, workspaceId: string, entityId: string, type: string) =>
  afterCommit(t, () => t.deps.events.emit("workspace.changed", { workspaceId, entity: "workspace", entityId, type }));

/** Adds a party to an existing tafel (tafel.manage); the same SWV code, CBS code or name twice is a 400. */
export async function addParty(
  ctx: ServiceContext,
  input: { workspaceId: string; party: PartyInput },
): Promise<{ partyId: string }> {
  const { workspaceId } = input;
  const member = await tafelManager(ctx, workspaceId);
  const resolved = resolveParty(input.party, "");
  if (!resolved.ok) throw new ApiError("VALIDATION_FAILED", resolved.problem.message, resolved.problem.field);
  const party: ResolvedParty = resolved.party;
  const id = newId();
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    await requireTafelRow(tx, workspaceId);
    const existing = await storedParties(tx, workspaceId);
    if (existing.some((e) => partyIdentity(e.org) === partyIdentity(party))) {
      throw new ApiError(
        "VALIDATION_FAILED",
        `${describeParty(party)} staat al bij de partijen van deze tafel.`,
        party.kind === "swv" ? "swvCode" : party.kind === "gemeente" ? "cbsCode" : "name",
      );
    }
    const now = nowIso(t);
    await tx.insert(organisations).values(organisationRow(party, id, now));
    const position = existing.reduce((max, e) => Math.max(max, e.link.position + 1), 0);
    await tx
      .insert(workspaceParties)
      .values({ workspaceId, organisationId: id, position, coverageNote: party.coverageNote, leftAt: null });
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.party_added",
      entityType: "party",
      entityId: id,
      actor: member,
      at: now,
      data: {
        kind: party.kind,
        subtype: party.subtype,
        name: party.name,
        swvCode: party.swvCode,
        sector: party.sector,
        cbsCode: party.cbsCode,
        coverageNote: party.coverageNote,
      },
    });
    changed(t, workspaceId, id, "workspace.party_added");
  });
  return { partyId: id };
}

/** Marks a party "niet meer aan tafel" from a date (or back at the table with null), or changes its coverage note. */
export async function changeParty(
  ctx: ServiceContext,
  input: ChangePartyInput & { workspaceId: string; partyId: string },
): Promise<void> {
  const { workspaceId, partyId } = input;
  const member = await tafelManager(ctx, workspaceId);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const link = await requireTafelParty(tx, workspaceId, partyId);
    const next = {
      leftAt: input.leftAt !== undefined ? input.leftAt : link.leftAt,
      coverageNote: input.coverageNote !== undefined ? input.coverageNote || null : link.coverageNote,
    };
    if (next.leftAt === link.leftAt && next.coverageNote === link.coverageNote) return;
    await tx
      .update(workspaceParties)
      .set(next)
      .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, partyId)));
    const type =
      next.leftAt !== link.leftAt
        ? next.leftAt
          ? "workspace.party_left"
          : "workspace.party_returned"
        : "workspace.party_changed";
    await appendEvent(tx, {
      workspaceId,
      type,
      entityType: "party",
      entityId: partyId,
      actor: member,
      at: nowIso(t),
      data: { from: { leftAt: link.leftAt, coverageNote: link.coverageNote }, to: next },
    });
    changed(t, workspaceId, partyId, type);
  });
}

/**
 * What keeps a party from being deleted: anything the record refers to. Such a party is only
 * marked "niet meer aan tafel" (ADR 0010). Returns the Dutch reason, or null.
 */
async function traceOf(db: DbOrTx, workspaceId: string, party: { id: string; kind: string }): Promise<string | null> {
  const has = async (q: Promise<unknown[]>) => (await q).length > 0;
  if (
    await has(
      db
        .select({ x: pointStances.pointId })
        .from(pointStances)
        .where(eq(pointStances.organisationId, party.id))
        .limit(1),
    )
  )
    return "er zijn standpunten van deze partij vastgelegd";
  if (await has(db.select({ x: signoffs.id }).from(signoffs).where(eq(signoffs.organisationId, party.id)).limit(1)))
    return "er zijn ondertekeningen van deze partij";
  // SWVs are in the scope of every point; a gemeente in that of points without scope rows and of those naming it.
  const inScope =
    party.kind === "swv"
      ? db.select({ x: points.id }).from(points).where(eq(points.workspaceId, workspaceId)).limit(1)
      : party.kind === "gemeente"
        ? db
            .select({ x: points.id })
            .from(points)
            .where(
              and(
                eq(points.workspaceId, workspaceId),
                or(
                  sql`not exists (select 1 from ${pointScope} where ${pointScope.pointId} = ${points.id})`,
                  inArray(
                    points.id,
                    db
                      .select({ id: pointScope.pointId })
                      .from(pointScope)
                      .where(eq(pointScope.organisationId, party.id)),
                  ),
                ),
              ),
            )
            .limit(1)
        : Promise.resolve([]);
  if (await has(inScope)) return "er zijn overeenstemmingspunten waarin deze partij meedoet";
  if (
    await has(
      db.select({ x: memberships.id }).from(memberships).where(eq(memberships.organisationId, party.id)).limit(1),
    )
  )
    return "er zijn deelnemers namens deze partij";
  if (
    await has(
      db
        .select({ x: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.organisationId, party.id), isNull(invitations.withdrawnAt)))
        .limit(1),
    )
  )
    return "er zijn uitnodigingen namens deze partij";
  if (
    await has(
      db
        .select({ x: workspacePlans.id })
        .from(workspacePlans)
        .where(eq(workspacePlans.organisationId, party.id))
        .limit(1),
    )
  )
    return "er is een plan van deze partij aan tafel";
  if (
    await has(
      db
        .select({ x: meetingParties.meetingId })
        .from(meetingParties)
        .where(eq(meetingParties.organisationId, party.id))
        .limit(1),
    )
  )
    return "deze partij was voor een overleg uitgenodigd";
  if (
    await has(
      db
        .select({ x: meetingAttendance.id })
        .from(meetingAttendance)
        .where(eq(meetingAttendance.organisationId, party.id))
        .limit(1),
    )
  )
    return "deze partij staat op een presentielijst";
  return null;
}

/** Removes a party that left no trace in the record (e.g. added by mistake); otherwise 409. */
export async function removeParty(ctx: ServiceContext, input: { workspaceId: string; partyId: string }): Promise<void> {
  const { workspaceId, partyId } = input;
  const member = await tafelManager(ctx, workspaceId);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    await requireTafelParty(tx, workspaceId, partyId);
    const all = await storedParties(tx, workspaceId);
    const party = all.find((p) => p.org.id === partyId)!.org;
    const trace = await traceOf(tx, workspaceId, party);
    if (trace) {
      throw new ApiError(
        "CONFLICT",
        `${party.name} kan niet worden verwijderd: ${trace}. Zet de partij op "niet meer aan tafel" vanaf een datum; zo blijft het dossier kloppen.`,
      );
    }
    if (
      (party.kind === "swv" || party.kind === "gemeente") &&
      all.filter((p) => p.org.kind === party.kind).length === 1
    ) {
      throw new ApiError(
        "CONFLICT",
        `Aan een OOGO-tafel zit minstens één ${party.kind === "swv" ? "samenwerkingsverband" : "gemeente"}.`,
      );
    }
    await tx
      .delete(workspaceParties)
      .where(and(eq(workspaceParties.workspaceId, workspaceId), eq(workspaceParties.organisationId, partyId)));
    // Organisation rows are per tafel (createTafel, next-period); delete only one no other tafel links to.
    const [elsewhere] = await tx
      .select({ ws: workspaceParties.workspaceId })
      .from(workspaceParties)
      .where(eq(workspaceParties.organisationId, partyId))
      .limit(1);
    if (!elsewhere) await tx.delete(organisations).where(eq(organisations.id, partyId));
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.party_removed",
      entityType: "party",
      entityId: partyId,
      actor: member,
      at: nowIso(t),
      data: { kind: party.kind, name: party.name, swvCode: party.swvCode, cbsCode: party.cbsCode },
    });
    changed(t, workspaceId, partyId, "workspace.party_removed");
  });
}
