/** Labels these screens show for data owned by other features (points, themes). */
import { isPointStatus, statusLabel } from "../../../shared/domain/pointStatus.ts";
import type { WorkspaceView } from "../../../shared/schemas/workspace.ts";

/** Dutch label of a point status; an unknown status (newer server) is shown readably from its key. */
export function pointStatusLabel(status: string): string {
  return isPointStatus(status) ? statusLabel(status) : status.replaceAll("_", " ");
}

export function themeLabel(workspace: WorkspaceView | undefined, key: string): string {
  return workspace?.themes.find((t) => t.key === key)?.label ?? key;
}
