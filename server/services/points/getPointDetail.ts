import { eq, sql } from "drizzle-orm";
import { pointTextVersions } from "../../../db/schema/index.ts";
import {
  DETAILS_EDITABLE_STATUSES,
  SIGNABLE_STATUSES,
  checkReopen,
  isTextLocked,
  statusLabel,
  transitionOptions,
} from "../../../shared/domain/pointStatus.ts";
import { textProtectionReason } from "../../../shared/domain/textProtection.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import { can } from "../../../shared/domain/roles.ts";
import { checkStance } from "../../../shared/domain/stances.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import type { MembershipContext } from "../../context.ts";
import { dbOf, type ServiceContext } from "../serviceContext.ts";
import {
  isValidSignoff,
  loadPointState,
  pointAndMember,
  requirePoint,
  tafelParties,
  type PointState,
} from "./pointState.ts";
import { pointDocumentName } from "./pointText.ts";
import { toSignoffView, toStanceView, toSummary, userNames } from "./presentPoint.ts";

interface Ability {
  ok: boolean;
  reason?: string;
}
const yes: Ability = { ok: true };
const no = (reason: string): Ability => ({ ok: false, reason });

function abilitiesFor(viewer: MembershipContext | null, state: PointState): PointDetail["abilities"] {
  const status = state.point.status;
  if (!viewer) {
    const none = no("Geen deelnemer.");
    return { editText: none, manage: none, recordStance: none, signOff: none, reopen: none };
  }
  const inScope = viewer.partyId !== null && state.parties.some((p) => p.id === viewer.partyId);
  const protection = textProtectionOf(state);
  const editText = !can(viewer.role, "text.edit")
    ? no("Uw rol kan de tekst alleen lezen.")
    : protection
      ? no(protection)
      : yes;
  const reopenCheck = checkReopen({
    status,
    actor: { role: viewer.role, partyId: viewer.partyId, partyKind: viewer.partyKind },
    facts: state.facts,
    validSignatures: validSigners(state).length,
  });
  const reopen = reopenCheck.ok ? yes : no(reopenCheck.reason);
  const manage = !can(viewer.role, "point.manage")
    ? no("Uw rol kan titel en scope niet wijzigen.")
    : !DETAILS_EDITABLE_STATUSES.includes(status)
      ? no(`In de status ${statusLabel(status)} liggen titel en scope vast.`)
      : yes;
  const stanceCheck = checkStance({
    role: viewer.role,
    actorPartyId: viewer.partyId,
    partiesInScope: state.parties.map((p) => p.id),
    status,
    stance: "akkoord",
    reasoning: "",
  });
  const recordStance = stanceCheck.ok ? yes : no(stanceCheck.reason);
  const signedAlready = state.signoffs.some(
    (s) => s.organisationId === viewer.partyId && isValidSignoff(s, state.point.textHash),
  );
  const signOff = !can(viewer.role, "point.signoff")
    ? no("Alleen een bestuurder of wethouder ondertekent.")
    : !inScope
      ? no("Uw partij valt buiten de scope van dit punt.")
      : !SIGNABLE_STATUSES.includes(status)
        ? no(`In de status ${statusLabel(status)} kan niet worden ondertekend.`)
        : signedAlready
          ? no("Uw partij heeft deze tekst al ondertekend.")
          : yes;
  return { editText, manage, recordStance, signOff, reopen };
}

/** The valid signatures on the current text, as people are named on screen. */
function validSigners(state: PointState) {
  return state.signoffs
    .filter((s) => isValidSignoff(s, state.point.textHash))
    .map((s) => ({ name: s.signerName, partyName: state.parties.find((p) => p.id === s.organisationId)?.name ?? "" }));
}

const textProtectionOf = (state: PointState) => textProtectionReason(state.point.status, validSigners(state));

/**
 * Everything the point page needs in one answer, for a member of the point's tafel (404 for an
 * unknown point, then 403 for a non-member), including what they may do now and why not.
 */
export async function getPointDetail(ctx: ServiceContext, input: { pointId: string }): Promise<PointDetail> {
  const { point, member } = await pointAndMember(ctx, input.pointId);
  return describePoint(ctx, point.id, member);
}

/**
 * The point page's answer without an access check: for presenting the result of a verb that
 * already checked (`viewer` = the member it acted for) and for exports that checked their own
 * capability (`viewer` null: no abilities, no transitions).
 */
export async function describePoint(
  ctx: ServiceContext,
  pointId: string,
  viewer: MembershipContext | null,
): Promise<PointDetail> {
  const db = dbOf(ctx);
  const point = await requirePoint(db, pointId);
  const state = await loadPointState(db, point);
  const allParties = await tafelParties(db, point.workspaceId);
  const names = await userNames(
    db,
    state.stances.map((s) => s.recordedBy),
  );
  const stances = state.parties
    .map((p) => state.stances.find((s) => s.organisationId === p.id))
    .filter((s) => s !== undefined)
    .map((s) => toStanceView(s, allParties, names, point.textHash));
  const signoffViews = state.signoffs.map((s) => toSignoffView(s, allParties, point.textHash));
  const transitions = viewer
    ? transitionOptions(
        point.status,
        { role: viewer.role, partyId: viewer.partyId, partyKind: viewer.partyKind },
        state.facts,
      )
    : [];
  return {
    ...toSummary(state),
    documentName: pointDocumentName(point),
    textLocked: isTextLocked(point.status),
    textProtection: textProtectionOf(state),
    textVersionNumber: await textVersionNumber(db, point.id, point.textHash),
    createdAt: point.createdAt,
    parties: state.parties.map((p, i) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      effectiveStance: state.facts.parties[i]!.stance,
      stance: stances.find((s) => s.partyId === p.id) ?? null,
      signoff: signoffViews.find((s) => s.partyId === p.id && !s.verouderd) ?? null,
    })),
    stances,
    signoffs: signoffViews,
    transitions,
    allowedTransitions: transitions.filter((t) => t.ok).map((t) => t.to),
    abilities: abilitiesFor(viewer, state),
  };
}

/**
 * "Tekstversie n": the current text's place among the point's stored texts (every text a stance,
 * signature, agenda or status step referred to), or one past the last while it is a draft not
 * yet referred to. People count texts, not the point's internal revision counter.
 */
export async function textVersionNumber(db: DbOrTx, pointId: string, textHash: string): Promise<number> {
  const rows = await db
    .select({ textHash: pointTextVersions.textHash })
    .from(pointTextVersions)
    .where(eq(pointTextVersions.pointId, pointId))
    .orderBy(sql`rowid`);
  const at = rows.findIndex((r) => r.textHash === textHash);
  return at >= 0 ? at + 1 : rows.length + 1;
}
