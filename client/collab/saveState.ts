/**
 * The save state shown next to every collaborative editor. Derived, never set directly:
 * see docs/adr/0001-save-state.md for how "Opgeslagen" is decided.
 */

export type SaveState = "connecting" | "saved" | "unsaved" | "offline" | "readOnly";

export interface SaveStateInput {
  readOnly: boolean;
  /** The socket is open. */
  connected: boolean;
  /** Some socket ever completed the initial sync (so a drop afterwards means "offline", not "connecting"). */
  everSynced: boolean;
  /** A connection attempt has failed since the page opened. */
  attemptFailed: boolean;
  /** The server's durable state covers every local change (including pending deletions). */
  covered: boolean;
}

export function deriveSaveState(s: SaveStateInput): SaveState {
  if (s.readOnly) return "readOnly";
  if (!s.connected) return s.everSynced || s.attemptFailed ? "offline" : "connecting";
  if (!s.everSynced) return "connecting";
  return s.covered ? "saved" : "unsaved";
}

/** Short label for the indicator. */
export const SAVE_STATE_LABELS: Record<SaveState, string> = {
  connecting: "Verbinden…",
  saved: "Opgeslagen",
  unsaved: "Niet opgeslagen",
  offline: "Offline",
  readOnly: "Alleen lezen",
};

/** The longer explanation next to the label (and what screen readers hear). */
export const SAVE_STATE_DETAILS: Record<SaveState, string> = {
  connecting: "Verbinding met de server maken.",
  saved: "Alle wijzigingen zijn veilig op de server opgeslagen.",
  unsaved: "Wijzigingen worden opgeslagen…",
  offline:
    "Geen verbinding. Uw wijzigingen blijven op dit apparaat bewaard en worden opgeslagen zodra er weer verbinding is.",
  readOnly: "Wijzigingen van anderen verschijnen hier direct.",
};

/** Whether leaving the page could lose local edits or leave them only on this device. */
export const warnsBeforeUnload = (s: SaveStateInput) => !s.readOnly && !s.covered;
