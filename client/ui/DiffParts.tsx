/**
 * A word diff as readers see it everywhere (signing, versions): inserted words underlined,
 * deleted words struck through, and both said in words to screen readers — never colour alone.
 */
import { For } from "solid-js";
import type { DiffPart } from "../../shared/domain/textDiff.ts";

export function DiffParts(props: { parts: readonly DiffPart[] }) {
  return (
    <For each={props.parts}>
      {(part) =>
        part.kind === "added" ? (
          <ins>
            <span class="oogo-visually-hidden">[toegevoegd: </span>
            {part.text}
            <span class="oogo-visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del>
            <span class="oogo-visually-hidden">[verwijderd: </span>
            {part.text}
            <span class="oogo-visually-hidden">]</span>
          </del>
        ) : (
          <span>{part.text}</span>
        )
      }
    </For>
  );
}
