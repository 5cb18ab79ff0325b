/**
 * "Voorstellen" mode (issue 12): while it is on, typing and deleting become suggestions in the
 * member's name (shared/editor/suggestTransaction.ts). For an "alleen voorstellen" member it is
 * always on, and an edit the server would refuse (one that changes the text itself or someone
 * else's suggestion, e.g. a heading change) is not applied at all: the member is told instead.
 */
import { Extension } from "@tiptap/core";
import { suggestChanges, suggestChangesKey } from "@handlewithcare/prosemirror-suggest-changes";
import { suggestOnlyFingerprint, suggestTransaction } from "../../shared/editor/suggestTransaction.ts";
import type { SuggestionAuthor } from "../../shared/editor/suggestions.ts";

export interface SuggestModeStorage {
  enabled: boolean;
  /** Set once the server said who we are (GET …/alleen-voorstellen): marks must carry exactly this. */
  author: SuggestionAuthor | null;
  suggestOnly: boolean;
  /** Server clock minus device clock (ms): suggestions are dated by the server's time (ADR 0016). */
  clockOffset: number;
  /** Called when an edit was not applied in "alleen voorstellen". */
  onBlocked: () => void;
  /**
   * True while the suggestions panel is still asking the server whether we may only suggest:
   * edits wait (are dropped) rather than risk a direct edit the server would refuse.
   */
  awaiting: boolean;
}

declare module "@tiptap/core" {
  interface Storage {
    suggestMode: SuggestModeStorage;
  }
}

const newKey = () => crypto.randomUUID();

export const SuggestMode = Extension.create<Record<string, never>, SuggestModeStorage>({
  name: "suggestMode",
  addStorage() {
    return {
      enabled: false,
      author: null,
      suggestOnly: false,
      clockOffset: 0,
      onBlocked: () => undefined,
      awaiting: false,
    };
  },
  addProseMirrorPlugins() {
    // The library's plugin: pilcrows for suggested paragraph breaks, arrow keys over its anchors.
    return [suggestChanges()];
  },
  dispatchTransaction({ transaction, next }) {
    const storage = this.storage;
    const state = this.editor.state;
    const sync = (transaction.getMeta("y-sync$") ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
    const skip = "skip" in ((transaction.getMeta(suggestChangesKey) ?? {}) as object);
    if (!transaction.docChanged || sync.isChangeOrigin || sync.isUndoRedoOperation) {
      next(transaction);
      return;
    }
    if (storage.awaiting) return;
    if (!storage.author) {
      next(transaction);
      return;
    }
    const suggesting = storage.enabled || storage.suggestOnly;
    const tr =
      suggesting && !skip
        ? suggestTransaction(transaction, state, storage.author, newKey, () => Date.now() + storage.clockOffset)
        : transaction;
    if (storage.suggestOnly) {
      const before = suggestOnlyFingerprint(state.doc.toJSON(), storage.author);
      const after = suggestOnlyFingerprint(state.apply(tr).doc.toJSON(), storage.author);
      if (before !== after) {
        storage.onBlocked();
        return;
      }
    }
    next(tr);
  },
});
