import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from "solid-js";
import { Icon } from "./icons.tsx";
import { SAVE_STATE_DETAILS, SAVE_STATE_LABELS, type SaveState } from "../collab/saveState.ts";

/** How long a state must hold before screen readers hear it: typing flips saved/unsaved constantly. */
const ANNOUNCE_AFTER_MS = 1500;

/**
 * The visible save state (icon + word, never colour alone) and a separate polite live region
 * that announces a state only once it has settled.
 */
export function SaveStateIndicator(props: { state: Accessor<SaveState> }) {
  const [announced, setAnnounced] = createSignal("");
  // The state on screen when we appeared is not news: only later changes are announced.
  let last: SaveState = untrack(() => props.state());
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      () => props.state(),
      (state) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (state === last) return;
          last = state;
          setAnnounced(`${SAVE_STATE_LABELS[state]}. ${SAVE_STATE_DETAILS[state]}`);
        }, ANNOUNCE_AFTER_MS);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));

  return (
    <div class="oogo-save-state" data-state={props.state()}>
      <span class={`oogo-save-state__badge oogo-save-state__badge--${props.state()}`} data-testid="save-state">
        <Icon name={props.state()} size={16} />
        {SAVE_STATE_LABELS[props.state()]}
      </span>
      <span class="oogo-save-state__detail">{SAVE_STATE_DETAILS[props.state()]}</span>
      <div class="oogo-visually-hidden" aria-live="polite" aria-atomic="true">
        {announced()}
      </div>
    </div>
  );
}
