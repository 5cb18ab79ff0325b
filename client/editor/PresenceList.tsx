import { For, type Accessor } from "solid-js";
import type { PresenceEntry } from "../collab/createCollabSession.ts";

let listCounter = 0;

/** Who has this document open: name and party as text, with the party colour as a swatch. */
export function PresenceList(props: { people: Accessor<PresenceEntry[]> }) {
  const id = `oogo-presence-${++listCounter}`;
  return (
    <div class="oogo-presence">
      <p class="oogo-presence__title" id={id}>
        Nu in dit document
      </p>
      <ul class="oogo-presence__list" aria-labelledby={id}>
        <For each={props.people()}>
          {(p) => (
            <li class="oogo-presence__person" style={{ "--oogo-party-color": p.color }}>
              <span class="oogo-presence__swatch" aria-hidden="true" />
              <span class="oogo-presence__name">
                {p.name}
                {p.self ? " (u)" : ""}
              </span>
              <span class="oogo-presence__party">{p.partyName || "geen partij"}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
