/**
 * A tafel's themes (ADR 0010): add, rename, reorder, archive. Themes are never deleted: a theme
 * may hold points, and archiving keeps its label for them and for exports.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { workspaceThemes } from "../../../db/schema/index.ts";
import { themeKeyFor } from "../../../shared/domain/tafels.ts";
import { STANDARD_THEMES } from "../../../shared/domain/themes.ts";
import type { AddThemeInput, ChangeThemeInput, ReorderThemesInput } from "../../../shared/schemas/tafel.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { appendEvent, type DbOrTx } from "../audit/appendEvent.ts";
import { afterCommit, nowIso, withTransaction, type ServiceContext, type TxContext } from "../serviceContext.ts";
import { requireTafelRow, tafelManager } from "./tafelRecords.ts";

const themesOf = (db: DbOrTx, workspaceId: string) =>
  db
    .select()
    .from(workspaceThemes)
    .where(eq(workspaceThemes.workspaceId, workspaceId))
    .orderBy(asc(workspaceThemes.position));

function assertLabelFree(all: ReadonlyArray<{ key: string; label: string }>, label: string, except?: string) {
  const taken = all.find((t) => t.key !== except && t.label.toLocaleLowerCase("nl") === label.toLocaleLowerCase("nl"));
  if (taken) throw new ApiError("VALIDATION_FAILED", `Er is al een thema "${taken.label}" aan deze tafel.`, "label");
}

const changed = (t: TxContext, workspaceId: string, key: string, type: string) =>
  afterCommit(t, () =>
    t.deps.events.emit("workspace.changed", { workspaceId, entity: "workspace", entityId: key, type }),
  );

export async function addTheme(
  ctx: ServiceContext,
  input: AddThemeInput & { workspaceId: string },
): Promise<{ key: string }> {
  const { workspaceId } = input;
  const member = await tafelManager(ctx, workspaceId);
  return withTransaction(ctx, async (t) => {
    const { tx } = t;
    await requireTafelRow(tx, workspaceId);
    const all = await themesOf(tx, workspaceId);
    assertLabelFree(all, input.label);
    // Standard keys stay reserved, so an archived standard theme can always come back under its own key.
    const key = themeKeyFor(input.label, new Set([...all.map((x) => x.key), ...STANDARD_THEMES.map((s) => s.key)]));
    const position = all.reduce((m, r) => Math.max(m, r.position + 1), 0);
    await tx.insert(workspaceThemes).values({
      workspaceId,
      key,
      label: input.label,
      description: input.description ?? "",
      position,
      archivedAt: null,
    });
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.theme_added",
      entityType: "theme",
      entityId: key,
      actor: member,
      at: nowIso(t),
      data: { key, label: input.label, description: input.description ?? "", position },
    });
    changed(t, workspaceId, key, "workspace.theme_added");
    return { key };
  });
}

/** Renames a theme, changes its description, or archives / restores it. The last active theme stays. */
export async function changeTheme(
  ctx: ServiceContext,
  input: ChangeThemeInput & { workspaceId: string; key: string },
): Promise<void> {
  const { workspaceId, key } = input;
  const member = await tafelManager(ctx, workspaceId);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    const all = await themesOf(tx, workspaceId);
    const theme = all.find((x) => x.key === key);
    if (!theme) throw notFound("Dit thema aan deze tafel");
    if (input.label !== undefined) assertLabelFree(all, input.label, key);
    const now = nowIso(t);
    const next = {
      label: input.label ?? theme.label,
      description: input.description ?? theme.description,
      archivedAt: input.archived === undefined ? theme.archivedAt : input.archived ? (theme.archivedAt ?? now) : null,
    };
    if (next.archivedAt && !theme.archivedAt && all.filter((x) => x.archivedAt === null).length === 1) {
      throw new ApiError(
        "CONFLICT",
        "Dit is het laatste actieve thema van de tafel; voeg eerst een ander thema toe.",
        "archived",
      );
    }
    if (next.label === theme.label && next.description === theme.description && next.archivedAt === theme.archivedAt)
      return;
    await tx
      .update(workspaceThemes)
      .set(next)
      .where(and(eq(workspaceThemes.workspaceId, workspaceId), eq(workspaceThemes.key, key)));
    const type =
      next.archivedAt !== theme.archivedAt
        ? next.archivedAt
          ? "workspace.theme_archived"
          : "workspace.theme_restored"
        : "workspace.theme_changed";
    await appendEvent(tx, {
      workspaceId,
      type,
      entityType: "theme",
      entityId: key,
      actor: member,
      at: now,
      data: {
        from: { label: theme.label, description: theme.description, archived: theme.archivedAt !== null },
        to: { label: next.label, description: next.description, archived: next.archivedAt !== null },
      },
    });
    changed(t, workspaceId, key, type);
  });
}

/** Puts the themes in the given order; `keys` names every theme of the tafel once (archived ones included). */
export async function reorderThemes(
  ctx: ServiceContext,
  input: ReorderThemesInput & { workspaceId: string },
): Promise<void> {
  const { workspaceId, keys } = input;
  const member = await tafelManager(ctx, workspaceId);
  await withTransaction(ctx, async (t) => {
    const { tx } = t;
    await requireTafelRow(tx, workspaceId);
    const all = await themesOf(tx, workspaceId);
    const unknown = keys.find((k) => !all.some((x) => x.key === k));
    if (unknown) throw new ApiError("VALIDATION_FAILED", `Het thema "${unknown}" bestaat niet aan deze tafel.`, "keys");
    if (new Set(keys).size !== keys.length || keys.length !== all.length) {
      throw new ApiError("VALIDATION_FAILED", "Noem elk thema van de tafel precies één keer.", "keys");
    }
    const before = all.map((x) => x.key);
    if (before.every((k, i) => keys[i] === k)) return;
    for (const [position, key] of keys.entries()) {
      await tx
        .update(workspaceThemes)
        .set({ position })
        .where(and(eq(workspaceThemes.workspaceId, workspaceId), eq(workspaceThemes.key, key)));
    }
    await appendEvent(tx, {
      workspaceId,
      type: "workspace.themes_reordered",
      entityType: "workspace",
      entityId: workspaceId,
      actor: member,
      at: nowIso(t),
      data: { from: before, to: keys },
    });
    changed(t, workspaceId, workspaceId, "workspace.themes_reordered");
  });
}

/** Active themes of a tafel, for verbs that copy them. */
export const activeThemes = (db: DbOrTx, workspaceId: string) =>
  db
    .select()
    .from(workspaceThemes)
    .where(and(eq(workspaceThemes.workspaceId, workspaceId), isNull(workspaceThemes.archivedAt)))
    .orderBy(asc(workspaceThemes.position));
