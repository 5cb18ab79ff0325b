import { points, pointScope } from "../../../db/schema/index.ts";
import type { CreatePointInput } from "../../../shared/schemas/points.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { setContent } from "../../documents/prosemirror.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { membershipOf } from "../membershipOf.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { assertThemeOfTafel, normaliseScope } from "./pointInputRules.ts";
import type { PointRow } from "./pointState.ts";
import { publishOutcome, type PointChange } from "./pointStatusChange.ts";
import { plainTextToDoc, pointDocumentName, readDurableText, saveTextVersion } from "./pointText.ts";

export interface CreatePointCommand extends CreatePointInput {
  workspaceId: string;
  /** Opening text as ProseMirror JSON (the demo uses this); overrides `text`. */
  json?: unknown;
  /**
   * Work of a calling verb that must commit with the point or not at all (a bespreekpunt links
   * it). The caller cannot wrap this verb in its own transaction: the opening text is appended
   * to the document store before the transaction, and that append waits for the write queue.
   */
  andThen?: (t: TxContext, point: PointRow) => Promise<void>;
}

/**
 * Creates an overeenstemmingspunt in status `concept` with its own Yjs document, seeded with
 * the opening text. The hash is taken from the durable document after seeding, so it is exactly
 * what a later recompute yields.
 */
export async function createPoint(ctx: ServiceContext, input: CreatePointCommand): Promise<PointChange> {
  const { workspaceId } = input;
  const member = await membershipOf(ctx, workspaceId);
  assertCan(
    member,
    "point.manage",
    "Alleen de ambtelijke werkgroep en de secretaris maken overeenstemmingspunten aan.",
  );
  const db = dbOf(ctx);
  await assertThemeOfTafel(db, workspaceId, input.theme, "theme");
  const sectionKey = input.sectionKey === undefined ? input.theme : input.sectionKey;
  if (sectionKey !== null) await assertThemeOfTafel(db, workspaceId, sectionKey, "sectionKey");
  const scope = await normaliseScope(db, workspaceId, input.scope);

  const id = newId();
  const ref = { id, workspaceId };
  // The document exists before the row: nobody can open it until the row exists, and a failed
  // insert leaves only an unreachable document behind, never a point without text.
  await ctx.deps.documents.write(pointDocumentName(ref), setContent(input.json ?? plainTextToDoc(input.text)));
  const text = await readDurableText(ctx, ref);

  return withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    const row: PointRow = {
      id,
      workspaceId,
      theme: input.theme,
      title: input.title,
      status: "concept",
      version: 1,
      textHash: text.hash,
      termMonths: input.termMonths ?? null,
      sectionKey,
      createdBy: member.userId,
      createdAt: now,
      updatedAt: now,
      originPointId: null,
    };
    await t.tx.insert(points).values(row);
    if (scope.length > 0)
      await t.tx.insert(pointScope).values(scope.map((organisationId) => ({ pointId: id, organisationId })));
    await saveTextVersion(t, id, text);
    const event = await appendEvent(t.tx, {
      workspaceId,
      type: "point.created",
      entityType: "point",
      entityId: id,
      actor: member,
      toStatus: "concept",
      textHash: text.hash,
      at: now,
      data: { theme: input.theme, title: input.title, scope, termMonths: row.termMonths, sectionKey },
    });
    await input.andThen?.(t, row);
    const outcome = { point: row, events: [event], textLockChanged: false, member };
    publishOutcome(t, outcome);
    return outcome;
  });
}
