/**
 * "Gebruik als basis" (issue 14): starts an overeenstemmingspunt whose opening text is chosen
 * sections of a plan version, and records per section where its text went. The point is made
 * by the point verb (its own Yjs document, seeded through the document service, hashed and
 * logged like any point); the links and their event follow in a second transaction, because
 * seeding a document must not wait on the write lock a transaction holds.
 */
import { planSectionLinks, workspacePlans } from "../../../db/schema/index.ts";
import { sectionLabel, type PlanBlock, type PlanSection, type TextRun } from "../../../shared/domain/planText.ts";
import type { UseSectionsInput } from "../../../shared/schemas/plans.ts";
import type { Capability } from "../../../shared/domain/roles.ts";
import { assertCan } from "../../auth/access.ts";
import { newId } from "../../auth/tokens.ts";
import { ApiError } from "../../http/errors.ts";
import { eq } from "drizzle-orm";
import { appendEvent } from "../audit/appendEvent.ts";
import { createPoint } from "../points/createPoint.ts";
import { dbOf, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { versionWithMember } from "./planRecords.ts";

/** Most text a point may start with from a plan (a few pages); more is not one agreement. */
export const MAX_BASIS_CHARS = 60_000;

export type PmNode = Record<string, unknown>;

const textNode = (run: TextRun): PmNode => ({
  type: "text",
  text: run.text,
  ...(run.bold || run.italic
    ? { marks: [...(run.bold ? [{ type: "bold" }] : []), ...(run.italic ? [{ type: "italic" }] : [])] }
    : {}),
});
const paragraph = (runs: TextRun[]): PmNode => {
  const content = runs.filter((r) => r.text !== "").map(textNode);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
};

/** A flat list with depths → nested ProseMirror lists. */
function listNode(block: Extract<PlanBlock, { kind: "list" }>): PmNode {
  const type = block.ordered ? "orderedList" : "bulletList";
  const build = (from: number, depth: number): { node: PmNode; next: number } => {
    const items: PmNode[] = [];
    let i = from;
    while (i < block.items.length && block.items[i]!.depth >= depth) {
      const item = block.items[i]!;
      if (item.depth > depth) {
        // A deeper item without a parent at this depth: hang it under the previous item (or a new empty one).
        const sub = build(i, depth + 1);
        const last = items[items.length - 1] ?? { type: "listItem", content: [{ type: "paragraph" }] };
        if (items.length === 0) items.push(last);
        (last.content as PmNode[]).push(sub.node);
        i = sub.next;
        continue;
      }
      items.push({ type: "listItem", content: [paragraph([{ text: item.text }])] });
      i++;
    }
    return { node: { type, content: items }, next: i };
  };
  return build(0, 0).node;
}

export function blockNodes(block: PlanBlock): PmNode[] {
  switch (block.kind) {
    case "paragraph":
      return [paragraph(block.runs ?? [{ text: block.text }])];
    case "note":
      return [paragraph([{ text: `Noot ${block.text}`, italic: true }])];
    case "list":
      return block.items.length ? [listNode(block)] : [];
    case "table": {
      const width = Math.max(...block.rows.map((r) => r.length));
      return [
        {
          type: "table",
          content: block.rows.map((row) => ({
            type: "tableRow",
            content: Array.from({ length: width }, (_, k) => ({
              type: "tableCell",
              content: [paragraph([{ text: row[k] ?? "" }])],
            })),
          })),
        },
      ];
    }
  }
}

/** The opening text: per section a heading with its number, then its blocks, then where it came from. */
export function sectionsToDoc(sections: PlanSection[], source: string): PmNode {
  const content: PmNode[] = [];
  for (const s of sections) {
    if (s.title)
      content.push({
        type: "heading",
        attrs: { level: 3 },
        content: [{ type: "text", text: sectionLabel(s) }],
      });
    for (const b of s.blocks) content.push(...blockNodes(b));
  }
  content.push(paragraph([{ text: source, italic: true }]));
  return { type: "doc", content };
}

/**
 * The chosen sections of a plan version, in the plan's order, with the plan's title, for a caller
 * who may use them for this target (`may`: the capability and the Dutch refusal); refuses an id
 * that is not in this version and more text than one go can take (`tooMuch`).
 */
export async function chosenPlanSections(
  ctx: ServiceContext,
  input: { versionId: string; sectionIds: string[] },
  may: { capability: Capability; refusal: string; tooMuch: string },
) {
  const { version, summary, text, member } = await versionWithMember(ctx, input.versionId);
  assertCan(member, may.capability, may.refusal);
  const wanted = new Set(input.sectionIds);
  const chosen = text.sections.filter((s) => wanted.has(s.id));
  if (input.sectionIds.some((id) => !chosen.some((s) => s.id === id)))
    throw new ApiError("VALIDATION_FAILED", "Deze paragraaf staat niet in deze versie van het plan.", "sectionIds");
  const size = chosen.reduce((n, s) => n + s.title.length + JSON.stringify(s.blocks).length, 0);
  if (size > MAX_BASIS_CHARS) throw new ApiError("VALIDATION_FAILED", may.tooMuch, "sectionIds");
  const [plan] = await dbOf(ctx)
    .select({ title: workspacePlans.title })
    .from(workspacePlans)
    .where(eq(workspacePlans.id, version.planId));
  return { version, summary, member, chosen, planTitle: plan?.title ?? "het plan" };
}

export async function usePlanSections(
  ctx: ServiceContext,
  input: UseSectionsInput & { versionId: string },
): Promise<{ pointId: string }> {
  const { version, summary, member, chosen, planTitle } = await chosenPlanSections(ctx, input, {
    capability: "point.manage",
    refusal: "Alleen de ambtelijke werkgroep en de secretaris maken overeenstemmingspunten aan.",
    tooMuch: "Dat is te veel tekst voor één punt. Kies minder paragrafen.",
  });
  const numbers = chosen.map((s) => s.number || sectionLabel(s)).join(", ");
  const source = `Overgenomen uit ${planTitle} (${summary.label}), ${chosen.length > 1 ? "paragrafen" : "paragraaf"} ${numbers}.`;

  const { point } = await createPoint(ctx, {
    workspaceId: version.workspaceId,
    theme: input.theme,
    title: input.title,
    json: sectionsToDoc(chosen, source),
  });
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    await t.tx.insert(planSectionLinks).values(
      chosen.map((s) => ({
        id: newId(),
        workspaceId: version.workspaceId,
        versionId: version.id,
        sectionId: s.id,
        targetType: "point" as const,
        targetId: point.id,
        createdBy: member.userId,
        createdAt: now,
      })),
    );
    await appendEvent(t.tx, {
      workspaceId: version.workspaceId,
      type: "plan.sections_used",
      entityType: "point",
      entityId: point.id,
      actor: member,
      at: now,
      data: {
        planId: version.planId,
        versionId: version.id,
        sha256: version.sha256,
        sectionIds: chosen.map((s) => s.id),
      },
    });
  });
  return { pointId: point.id };
}
