/** Row → view mapping for points (shapes in shared/schemas/points.ts). */
import { inArray } from "drizzle-orm";
import { users } from "../../../db/schema/index.ts";
import { isRole } from "../../../shared/domain/roles.ts";
import type { PointEventView, PointSummary, SignoffView, StanceView } from "../../../shared/schemas/points.ts";
import type { DbOrTx } from "../audit/appendEvent.ts";
import type { AuditRow, PointState, ScopeParty, SignoffRecord, StanceRow } from "./pointState.ts";

export function toSummary(state: PointState): PointSummary {
  const { point } = state;
  return {
    id: point.id,
    workspaceId: point.workspaceId,
    theme: point.theme,
    title: point.title,
    status: point.status,
    version: point.version,
    textHash: point.textHash,
    scope: { all: state.gemeenteIds.length === 0, gemeenteIds: state.gemeenteIds },
    partyIds: state.parties.map((p) => p.id),
    termMonths: point.termMonths,
    sectionKey: point.sectionKey,
    updatedAt: point.updatedAt,
  };
}

/** Names of users by id, for "recorded by". */
export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const partyName = (parties: readonly ScopeParty[], id: string) =>
  parties.find((p) => p.id === id)?.name ?? "Onbekende partij";

export function toStanceView(
  row: StanceRow,
  parties: readonly ScopeParty[],
  names: Map<string, string>,
  currentHash: string,
): StanceView {
  return {
    partyId: row.organisationId,
    partyName: partyName(parties, row.organisationId),
    stance: row.stance,
    reasoning: row.reasoning,
    recordedBy: { id: row.recordedBy, name: names.get(row.recordedBy) ?? "Onbekend" },
    recordedAt: row.recordedAt,
    textHash: row.textHash,
    isCurrent: row.textHash === currentHash,
  };
}

export function toSignoffView(row: SignoffRecord, parties: readonly ScopeParty[], currentHash: string): SignoffView {
  return {
    id: row.id,
    partyId: row.organisationId,
    partyName: partyName(parties, row.organisationId),
    signer: { id: row.userId, name: row.signerName },
    signerTitle: row.signerTitle,
    textHash: row.textHash,
    pointVersion: row.pointVersion,
    signedAt: row.signedAt,
    verouderd: row.textHash !== currentHash || row.voidedAt !== null,
    voidedAt: row.voidedAt,
  };
}

export function toEventView(row: AuditRow): PointEventView {
  return {
    seq: row.seq,
    at: row.at,
    type: row.type,
    actor: {
      userId: row.actorUserId,
      name: row.actorName,
      role: isRole(row.actorRole) ? row.actorRole : null,
      partyId: row.actorPartyId,
      partyName: row.actorPartyName,
    },
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    reasoning: row.reasoning,
    textHash: row.textHash,
    data: eventData(row),
    hash: row.hash,
  };
}

/** Parses the JSON text of an audit event's data column (always canonical JSON of an object). */
function eventData(row: { data: string }): Record<string, unknown> {
  try {
    const value = JSON.parse(row.data) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
