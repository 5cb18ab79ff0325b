/**
 * "Gebruik als basis" for the spiegelparagraaf (issue 12): the chosen sections of a plan version
 * are appended to the tafel's spiegelparagraaf as one edit through the sync server (open editors
 * see them arrive), each followed by a "Bron:" line that links to the section in that version of
 * the plan. The links are also kept as rows (the plan page shows where each section went), and
 * the log records it. Comments whose text a rebuild collapsed are anchored again by their quote.
 */
import * as Y from "yjs";
import { planSectionLinks } from "../../../db/schema/index.ts";
import { documentNames } from "../../../shared/collab/protocol.ts";
import { sectionLabel, type PlanSection } from "../../../shared/domain/planText.ts";
import type { UseSectionsInSpiegelInput } from "../../../shared/schemas/plans.ts";
import { newId } from "../../auth/tokens.ts";
import { appendBlocks } from "../../documents/prosemirror.ts";
import { appendEvent } from "../audit/appendEvent.ts";
import { reanchorThreads } from "../comments/reanchorThreads.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext } from "../serviceContext.ts";
import { blockNodes, chosenPlanSections, type PmNode } from "./usePlanSections.ts";

/** Where a section is read in the app: the plan page, that version, scrolled to the section. */
export const planSectionHref = (workspaceId: string, versionId: string, sectionId: string) =>
  `/tafels/${encodeURIComponent(workspaceId)}/plan?versie=${encodeURIComponent(versionId)}#plan-${versionId}-${sectionId}`;

/** Per section: its heading, its blocks, and the visible link to where it came from. */
export function sectionsWithSource(
  sections: PlanSection[],
  source: { workspaceId: string; versionId: string; planTitle: string; versionLabel: string },
): PmNode[] {
  const nodes: PmNode[] = [];
  for (const s of sections) {
    if (s.title)
      nodes.push({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: sectionLabel(s) }] });
    for (const b of s.blocks) nodes.push(...blockNodes(b));
    const where = s.number ? `§${s.number}` : `“${sectionLabel(s)}”`;
    nodes.push({
      type: "paragraph",
      content: [
        { type: "text", text: "Bron: ", marks: [{ type: "italic" }] },
        {
          type: "text",
          text: `${source.planTitle} (${source.versionLabel}) ${where}`,
          marks: [
            { type: "italic" },
            { type: "link", attrs: { href: planSectionHref(source.workspaceId, source.versionId, s.id) } },
          ],
        },
      ],
    });
  }
  return nodes;
}

export async function usePlanSectionsInSpiegelparagraaf(
  ctx: ServiceContext,
  input: UseSectionsInSpiegelInput & { versionId: string },
): Promise<{ document: string; sections: number }> {
  const { version, summary, member, chosen, planTitle } = await chosenPlanSections(ctx, input, {
    capability: "text.edit",
    refusal: "Alleen wie de spiegelparagraaf mag bewerken, neemt er paragrafen uit het plan in op.",
    tooMuch: "Dat is te veel tekst om in één keer op te nemen. Kies minder paragrafen.",
  });
  const docName = documentNames.spiegelparagraaf(version.workspaceId);
  const append = appendBlocks(
    sectionsWithSource(chosen, {
      workspaceId: version.workspaceId,
      versionId: version.id,
      planTitle,
      versionLabel: summary.label,
    }),
  );
  let previous: Y.Doc | null = null;
  await ctx.deps.documents.write(docName, (doc) => {
    previous = new Y.Doc();
    Y.applyUpdate(previous, Y.encodeStateAsUpdate(doc));
    append(doc);
  });
  try {
    if (previous) await reanchorThreads(ctx, { workspaceId: version.workspaceId, docName, before: previous });
  } finally {
    (previous as Y.Doc | null)?.destroy();
  }
  await withTransaction(ctx, async (t) => {
    const now = nowIso(t);
    await t.tx.insert(planSectionLinks).values(
      chosen.map((s) => ({
        id: newId(),
        workspaceId: version.workspaceId,
        versionId: version.id,
        sectionId: s.id,
        targetType: "spiegelparagraaf" as const,
        targetId: docName,
        createdBy: member.userId,
        createdAt: now,
      })),
    );
    await appendEvent(t.tx, {
      workspaceId: version.workspaceId,
      type: "plan.sections_used",
      entityType: "document",
      entityId: docName,
      actor: member,
      at: now,
      data: {
        target: "spiegelparagraaf",
        planId: version.planId,
        versionId: version.id,
        sha256: version.sha256,
        sectionIds: chosen.map((s) => s.id),
      },
    });
    afterCommit(t, () =>
      t.deps.events.emit("workspace.changed", {
        workspaceId: version.workspaceId,
        entity: "plan",
        entityId: version.planId,
        type: "plan.sections_used",
      }),
    );
  });
  return { document: docName, sections: chosen.length };
}
