import { points, pointScope } from "../../../db/schema/index.ts";
import { writeTransaction } from "../../../db/writeLock.ts";
import type { CreatePointInput } from "../../../shared/schemas/points.ts";
import type { AppDeps, MembershipContext } from "../../context.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { forbidden } from "../../http/errors.ts";
import { jsonToUpdate } from "../../documents/prosemirror.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { assertThemeOfTafel, normaliseScope } from "./pointInputRules.ts";
import {
  plainTextToDoc, pointDocumentName, publishOutcome, readDurableText, saveTextVersion, type AuditRow, type PointOutcome, type PointRow,
} from "./pointRecords.ts";

export interface CreatePointOptions {
  /** Opening text as ProseMirror JSON (the demo uses this); overrides `input.text`. */
  json?: unknown;
}

/**
 * Creates an overeenstemmingspunt in status `concept` with its own Yjs document, seeded with
 * the opening text. The hash is taken from the durable document after seeding, so it is exactly
 * what a later recompute yields.
 */
export async function createPoint(
  deps: AppDeps, actor: MembershipContext, workspaceId: string, input: CreatePointInput, options: CreatePointOptions = {},
): Promise<PointOutcome> {
  const { db } = deps.database;
  if (actor.workspaceId !== workspaceId) throw forbidden("U bent geen deelnemer aan deze OOGO-tafel.");
  assertCan(actor, "point.manage", "Alleen de ambtelijke werkgroep en de secretaris maken overeenstemmingspunten aan.");
  await assertThemeOfTafel(db, workspaceId, input.theme, "theme");
  const sectionKey = input.sectionKey === undefined ? input.theme : input.sectionKey;
  if (sectionKey !== null) await assertThemeOfTafel(db, workspaceId, sectionKey, "sectionKey");
  const scope = await normaliseScope(db, workspaceId, input.scope);

  const id = newId();
  const ref = { id, workspaceId };
  // The document exists before the row: nobody can open it until the row exists, and a failed
  // insert leaves only an unreachable document behind, never a point without text.
  await deps.documents.append(pointDocumentName(ref), [jsonToUpdate(options.json ?? plainTextToDoc(input.text))]);
  const text = await readDurableText(deps, ref);

  const outcome = await writeTransaction(deps.database, async (tx) => {
    const now = new Date().toISOString();
    const row: PointRow = {
      id, workspaceId, theme: input.theme, title: input.title, status: "concept", version: 1, textHash: text.hash,
      termMonths: input.termMonths ?? null, sectionKey, createdBy: actor.userId, createdAt: now, updatedAt: now,
    };
    await tx.insert(points).values(row);
    if (scope.length > 0) await tx.insert(pointScope).values(scope.map((organisationId) => ({ pointId: id, organisationId })));
    await saveTextVersion(tx, id, text);
    const event = await appendEvent(tx, {
      workspaceId, type: "point.created", entityType: "point", entityId: id, actor, toStatus: "concept", textHash: text.hash,
      data: { theme: input.theme, title: input.title, scope, termMonths: row.termMonths, sectionKey },
    });
    return { point: row, events: [event as AuditRow], textLockChanged: false };
  });
  publishOutcome(deps, outcome);
  return outcome;
}
