/**
 * Turns an editing transaction into a suggestion transaction with our ids (author in the id,
 * shared/editor/suggestions.ts) — for the browser editor and for tests that type like it.
 *
 * The library reuses the id of a suggestion mark right next to the edit and re-marks an adjacent
 * suggestion to merge it with the new one. Next to another person's suggestion that would put
 * their name on our text, or ours on theirs, and the server refuses any mark that does not carry
 * the sender's identity (ADR 0016). So: a mark step with someone else's id gets our id, and a
 * merge (remove their mark, add it back under another id) is left out.
 */
import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { AddMarkStep, AddNodeMarkStep, Mapping, RemoveMarkStep, type Step } from "@tiptap/pm/transform";
import { canonicalJson } from "../domain/textHash.ts";
import {
  encodeSuggestionId,
  isSuggestionMark,
  listSuggestions,
  parseSuggestionId,
  sameAuthor,
  withoutPendingSuggestions,
  type SuggestionAuthor,
} from "./suggestions.ts";

const mine = (id: unknown, me: SuggestionAuthor) => {
  const parsed = parseSuggestionId(id);
  return parsed !== null && sameAuthor(parsed, me);
};

export function suggestTransaction(
  tr: Transaction,
  state: EditorState,
  me: SuggestionAuthor,
  newKey: () => string,
  now: () => number,
): Transaction {
  const ownId = encodeSuggestionId(newKey(), me, now());
  const tracked = transformToSuggestionTransaction(tr, state, () => ownId);
  const steps = tracked.steps;
  const foreign = (step: Step): boolean =>
    (step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AddNodeMarkStep) &&
    isSuggestionMark(step.mark.type.name) &&
    !mine(step.mark.attrs.id, me);
  if (!steps.some(foreign)) return tracked;

  const fixed = state.tr;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step instanceof RemoveMarkStep && foreign(step)) {
      // A merge: their mark removed and added back under another id. Keep theirs as it is.
      const next = steps[i + 1];
      if (next instanceof AddMarkStep && next.from === step.from && next.to === step.to) i++;
      continue;
    }
    if (step instanceof AddMarkStep && foreign(step)) {
      fixed.step(new AddMarkStep(step.from, step.to, step.mark.type.create({ ...step.mark.attrs, id: ownId })));
      continue;
    }
    if (step instanceof AddNodeMarkStep && foreign(step)) {
      fixed.step(new AddNodeMarkStep(step.pos, step.mark.type.create({ ...step.mark.attrs, id: ownId })));
      continue;
    }
    fixed.step(step);
  }
  if (tracked.selectionSet) {
    // Only mark steps were left out, so positions are the same in both documents.
    fixed.setSelection(tracked.selection.map(fixed.doc, new Mapping()));
  }
  for (const [key, value] of Object.entries((tracked as unknown as { meta: Record<string, unknown> }).meta))
    fixed.setMeta(key, value);
  return fixed;
}

/**
 * What an "alleen voorstellen" member may not change: the text with every pending suggestion
 * reverted, and everyone else's suggestions. The server compares the same (ADR 0016); the editor
 * checks it first so it never sends an update the server would refuse.
 */
export function suggestOnlyFingerprint(docJson: unknown, me: SuggestionAuthor): string {
  const others = listSuggestions(docJson)
    .filter((s) => !(s.author && sameAuthor(s.author, me)))
    .map((s) => `${s.kind}\u0000${s.id}\u0000${s.text}`)
    .sort();
  return `${canonicalJson(withoutPendingSuggestions(docJson))}\u0001${others.join("\u0001")}`;
}
