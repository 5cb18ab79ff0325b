/**
 * Labels these screens show for data owned by other features. Point statuses are the points
 * feature's; until its shared labels exist, statuses are shown in readable Dutch from the key.
 */
import type { WorkspaceView } from "../../../shared/schemas/workspace.ts";

const POINT_STATUS_FALLBACK: Record<string, string> = {
  concept: "Concept",
  in_bespreking: "In bespreking",
  ambtelijk_akkoord: "Ambtelijk akkoord",
  geagendeerd: "Geagendeerd",
  overeenstemming: "Overeenstemming",
  geen_overeenstemming: "Geen overeenstemming",
  doorgeschoven: "Doorgeschoven",
  in_geschil: "In geschil",
  afgesloten_zonder_overeenstemming: "Afgesloten zonder overeenstemming",
  vastgelegd: "Vastgelegd",
  in_uitvoering: "In uitvoering",
  geevalueerd: "Geëvalueerd",
  herzien: "Herzien",
  vervallen: "Vervallen",
};

export function pointStatusLabel(status: string): string {
  return POINT_STATUS_FALLBACK[status] ?? status.replaceAll("_", " ");
}

export function themeLabel(workspace: WorkspaceView | undefined, key: string): string {
  return workspace?.themes.find((t) => t.key === key)?.label ?? key;
}
