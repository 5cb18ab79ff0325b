import { and, asc, eq, inArray } from "drizzle-orm";
import {
  memberships,
  organisations,
  pointScope,
  points,
  procedureSteps,
  workspacePlans,
  workspaceParties,
  workspaceThemes,
  workspaces,
} from "../../../db/schema/index.ts";
import { periodProblem } from "../../../shared/domain/parties.ts";
import type { NextPeriodInput, NextPeriodResult } from "../../../shared/schemas/tafel.ts";
import { newId } from "../../auth/tokens.ts";
import { setContent } from "../../documents/prosemirror.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent, type EventActor } from "../audit/appendEvent.ts";
import { pointDocumentName, readDurableText, saveTextVersion, type DurableText } from "../points/pointText.ts";
import { afterCommit, dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { requireTafelRow, tafelManager } from "./tafelRecords.ts";

/** Points that carry over: what was agreed and laid down, or is being carried out. */
export const CARRIED_STATUSES = ["vastgelegd", "in_uitvoering"] as const;

/**
 * "Nieuwe tafel voor de volgende planperiode" (tafel.manage): a new tafel with the parties that
 * are still at the table, the same people in the same roles, the themes, the procedure step
 * titles (without dates) and the plans with the new period. Points that were vastgelegd or in
 * uitvoering come along as `herzien`, each with its text and a link to its origin, so the next
 * cycle starts from what was agreed. Logged in both tafels.
 *
 * A point whose scope named only gemeenten that have left does not come along: without them it
 * would silently widen to every gemeente.
 */
export async function startNextPeriod(
  ctx: ServiceContext,
  input: NextPeriodInput & { workspaceId: string },
): Promise<NextPeriodResult> {
  const { workspaceId: fromId } = input;
  const member = await tafelManager(ctx, fromId);
  const period = periodProblem(input.periodStart, input.periodEnd);
  if (period) throw new ApiError("VALIDATION_FAILED", period, "periodEnd");
  const db = dbOf(ctx);
  const old = await requireTafelRow(db, fromId);

  const parties = (
    await db
      .select({ org: organisations, link: workspaceParties })
      .from(workspaceParties)
      .innerJoin(organisations, eq(organisations.id, workspaceParties.organisationId))
      .where(eq(workspaceParties.workspaceId, fromId))
      .orderBy(asc(workspaceParties.position))
  ).filter((p) => p.link.leftAt === null);
  const orgMap = new Map(parties.map((p) => [p.org.id, newId()]));
  const origins = await db
    .select()
    .from(points)
    .where(and(eq(points.workspaceId, fromId), inArray(points.status, [...CARRIED_STATUSES])))
    .orderBy(asc(points.theme), asc(points.createdAt));
  const scopes =
    origins.length === 0
      ? []
      : await db
          .select()
          .from(pointScope)
          .where(
            inArray(
              pointScope.pointId,
              origins.map((p) => p.id),
            ),
          );

  const workspaceId = newId();
  // Texts first, as createPoint does: a document nobody can open until its row exists.
  const carried: Array<{ origin: (typeof origins)[number]; id: string; scope: string[]; text: DurableText }> = [];
  for (const origin of origins) {
    const named = scopes.filter((s) => s.pointId === origin.id).map((s) => s.organisationId);
    const scope = named.flatMap((id) => (orgMap.has(id) ? [orgMap.get(id)!] : []));
    if (named.length > 0 && scope.length === 0) continue;
    const id = newId();
    const ref = { id, workspaceId };
    await ctx.deps.documents.write(
      pointDocumentName(ref),
      setContent(await ctx.deps.documents.readJson(pointDocumentName(origin))),
    );
    carried.push({ origin, id, scope, text: await readDurableText(ctx, ref) });
  }

  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    await requireTafelRow(tx, fromId);
    await tx.insert(workspaces).values({
      id: workspaceId,
      name: input.name,
      level: old.level,
      parentWorkspaceId: old.parentWorkspaceId,
      previousWorkspaceId: fromId,
      createdAt: now,
    });
    if (parties.length > 0) {
      await tx
        .insert(organisations)
        .values(parties.map(({ org }) => ({ ...org, id: orgMap.get(org.id)!, createdAt: now })));
      await tx.insert(workspaceParties).values(
        parties.map(({ org, link }, position) => ({
          workspaceId,
          organisationId: orgMap.get(org.id)!,
          position,
          coverageNote: link.coverageNote,
          leftAt: null,
        })),
      );
    }
    const oldPlans = await tx
      .select()
      .from(workspacePlans)
      .where(eq(workspacePlans.workspaceId, fromId))
      .orderBy(asc(workspacePlans.position));
    const plans = oldPlans
      .filter((p) => !p.organisationId || orgMap.has(p.organisationId))
      .map((p, position) => ({
        ...p,
        id: newId(),
        workspaceId,
        organisationId: p.organisationId ? orgMap.get(p.organisationId)! : null,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        status: "concept" as const,
        versionLabel: "",
        position,
        createdAt: now,
        updatedAt: now,
      }));
    if (plans.length > 0) await tx.insert(workspacePlans).values(plans);
    const themes = await tx
      .select()
      .from(workspaceThemes)
      .where(eq(workspaceThemes.workspaceId, fromId))
      .orderBy(asc(workspaceThemes.position));
    if (themes.length > 0) await tx.insert(workspaceThemes).values(themes.map((th) => ({ ...th, workspaceId })));
    const steps = await tx
      .select({ title: procedureSteps.title })
      .from(procedureSteps)
      .where(eq(procedureSteps.workspaceId, fromId))
      .orderBy(asc(procedureSteps.position));
    if (steps.length > 0) {
      await tx.insert(procedureSteps).values(
        steps.map((s, position) => ({
          id: newId(),
          workspaceId,
          position,
          title: s.title,
          dueDate: null,
          doneAt: null,
          note: "",
          meetingId: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }

    // The actor as a member of the NEW tafel (their membership comes along, their party is the copy).
    const actor: EventActor = { ...member, partyId: member.partyId ? (orgMap.get(member.partyId) ?? null) : null };
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.created",
      entityType: "workspace",
      entityId: workspaceId,
      actor,
      at: now,
      data: {
        name: input.name,
        level: old.level,
        parentWorkspaceId: old.parentWorkspaceId,
        previousWorkspaceId: fromId,
        plans: plans.map((p) => ({
          id: p.id,
          kind: p.kind,
          partyId: p.organisationId,
          title: p.title,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
        })),
        parties: parties.map(({ org }) => ({
          id: orgMap.get(org.id),
          originId: org.id,
          kind: org.kind,
          name: org.name,
        })),
        themes: themes.map((th) => ({ key: th.key, label: th.label, archived: th.archivedAt !== null })),
        procedureSteps: steps.map((s) => s.title),
      },
    });

    const oldMembers = await tx.select().from(memberships).where(eq(memberships.workspaceId, fromId));
    const members = oldMembers.filter((m) => !m.organisationId || orgMap.has(m.organisationId));
    for (const m of members) {
      const id = newId();
      const partyId = m.organisationId ? orgMap.get(m.organisationId)! : null;
      await tx.insert(memberships).values({
        id,
        workspaceId,
        userId: m.userId,
        organisationId: partyId,
        role: m.role,
        title: m.title,
        createdAt: now,
        updatedAt: now,
      });
      await appendEvent(tx, {
        workspaceId,
        type: "member.joined",
        entityType: "membership",
        entityId: id,
        actor,
        toStatus: m.role,
        at: now,
        data: { userId: m.userId, partyId, carriedFromMembershipId: m.id },
      });
    }

    for (const c of carried) {
      const o = c.origin;
      await tx.insert(points).values({
        id: c.id,
        workspaceId,
        theme: o.theme,
        title: o.title,
        status: "herzien",
        version: 1,
        textHash: c.text.hash,
        termMonths: o.termMonths,
        sectionKey: o.sectionKey,
        createdBy: member.userId,
        createdAt: now,
        updatedAt: now,
        originPointId: o.id,
      });
      if (c.scope.length > 0)
        await tx.insert(pointScope).values(c.scope.map((organisationId) => ({ pointId: c.id, organisationId })));
      await saveTextVersion(t, c.id, c.text);
      await appendEvent(tx, {
        workspaceId,
        type: "point.created",
        entityType: "point",
        entityId: c.id,
        actor,
        toStatus: "herzien",
        textHash: c.text.hash,
        at: now,
        data: {
          theme: o.theme,
          title: o.title,
          scope: c.scope,
          termMonths: o.termMonths,
          sectionKey: o.sectionKey,
          originPointId: o.id,
          originWorkspaceId: fromId,
          originStatus: o.status,
        },
      });
    }

    await appendEvent(tx, {
      workspaceId: fromId,
      type: "workspace.next_period_started",
      entityType: "workspace",
      entityId: fromId,
      actor: member,
      at: now,
      data: {
        workspaceId,
        name: input.name,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        pointIds: carried.map((c) => c.origin.id),
        membersCarried: members.length,
      },
    });
    afterCommit(t, () => {
      for (const m of members) ctx.deps.events.emit("membership.changed", { workspaceId, userId: m.userId });
      ctx.deps.events.emit("workspace.changed", {
        workspaceId: fromId,
        entity: "workspace",
        entityId: workspaceId,
        type: "workspace.next_period_started",
      });
    });
    return { workspaceId, pointsCarried: carried.length, membersCarried: members.length };
  });
}
