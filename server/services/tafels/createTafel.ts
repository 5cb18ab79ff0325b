import {
  organisations,
  workspacePlans,
  workspaceParties,
  workspaceThemes,
  workspaces,
} from "../../../db/schema/index.ts";
import { checkNewTafel, type ResolvedParty } from "../../../shared/domain/tafels.ts";
import type { CreateTafelInput, CreateTafelResult } from "../../../shared/schemas/tafel.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { seedBespreekpunten } from "../bespreekpunten/seedBespreekpunten.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { createInvitations } from "../members/createInvitations.ts";
import { assertValidParent, instanceActor } from "./tafelRecords.ts";

/** The organisation row of a party; every tafel has its own rows, so tafels never change each other's parties. */
export function organisationRow(p: ResolvedParty, id: string, createdAt: string) {
  return {
    id,
    kind: p.kind,
    name: p.name,
    swvCode: p.swvCode,
    sector: p.sector,
    cbsCode: p.cbsCode,
    subtype: p.subtype as never,
    createdAt,
  };
}

/**
 * One request of the wizard (ADR 0010): the tafel, its plans, parties and themes, and the
 * invitations of its first beheerder and/or secretaris, in one transaction with its first log
 * events. Only an applicatiebeheerder; they get no role at the tafel themselves.
 */
export async function createTafel(ctx: ServiceContext, input: CreateTafelInput): Promise<CreateTafelResult> {
  const actor = await instanceActor(ctx, "instance.tafels.create");
  const checked = checkNewTafel(input);
  if (!checked.ok) throw new ApiError("VALIDATION_FAILED", checked.problem.message, checked.problem.field);

  const workspaceId = newId();
  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    const now = nowIso(t);
    await assertValidParent(tx, input.level, input.parentWorkspaceId);
    await tx.insert(workspaces).values({
      id: workspaceId,
      name: input.name,
      level: input.level,
      parentWorkspaceId: input.parentWorkspaceId ?? null,
      createdAt: now,
    });

    const orgIds = checked.parties.map(() => newId());
    await tx.insert(organisations).values(checked.parties.map((p, i) => organisationRow(p, orgIds[i]!, now)));
    await tx.insert(workspaceParties).values(
      checked.parties.map((p, i) => ({
        workspaceId,
        organisationId: orgIds[i]!,
        position: i,
        coverageNote: p.coverageNote,
        leftAt: null,
      })),
    );
    const byRef = new Map(input.parties.flatMap((p, i) => (p.ref === undefined ? [] : [[p.ref, orgIds[i]!] as const])));
    const plans = input.plans.map((p, i) => ({
      id: newId(),
      workspaceId,
      kind: p.kind,
      organisationId: byRef.get(p.partyRef)!,
      title: p.title,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      status: p.status ?? "concept",
      versionLabel: p.versionLabel ?? "",
      position: i,
      createdAt: now,
      updatedAt: now,
    }));
    await tx.insert(workspacePlans).values(plans);
    await tx
      .insert(workspaceThemes)
      .values(checked.themes.map((th, position) => ({ workspaceId, ...th, position, archivedAt: null })));

    await appendEvent(tx, {
      workspaceId,
      type: "workspace.created",
      entityType: "workspace",
      entityId: workspaceId,
      actor,
      at: now,
      data: {
        name: input.name,
        level: input.level,
        parentWorkspaceId: input.parentWorkspaceId ?? null,
        plans: plans.map((p) => ({
          id: p.id,
          kind: p.kind,
          partyId: p.organisationId,
          title: p.title,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          status: p.status,
          versionLabel: p.versionLabel,
        })),
        parties: checked.parties.map((p, i) => ({
          id: orgIds[i],
          kind: p.kind,
          subtype: p.subtype,
          name: p.name,
          swvCode: p.swvCode,
          sector: p.sector,
          cbsCode: p.cbsCode,
          coverageNote: p.coverageNote,
        })),
        themes: checked.themes.map((th) => ({ key: th.key, label: th.label })),
      },
    });
    // The leeswijzer's questions (issue 14) are there from the start, as a working agenda.
    await seedBespreekpunten(t, { workspaceId });
    // Whoever runs the tafel is invited like anyone else: the link goes only by mail (ADR 0005).
    const ids = await createInvitations(
      t,
      actor,
      workspaceId,
      input.appointees.map((a) => ({
        email: a.email,
        name: a.name,
        role: a.role,
        partyId: null,
        title: null,
      })),
    );
    const appointments = input.appointees.map((a, i) => ({
      role: a.role,
      name: a.name,
      email: a.email,
      invitationId: ids[i]!,
    }));
    afterCommit(t, () =>
      ctx.deps.events.emit("workspace.changed", {
        workspaceId,
        entity: "workspace",
        entityId: workspaceId,
        type: "workspace.created",
      }),
    );
    return { workspaceId, appointments };
  });
}
