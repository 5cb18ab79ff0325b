import { For } from "solid-js";
import {
  BESPREEKPUNT_STATUS_LABELS,
  BESPREEKPUNT_STATUSES,
  type BespreekpuntStatus,
} from "../../../shared/domain/bespreekpunten.ts";
import type { BespreekpuntenList } from "../../../shared/schemas/bespreekpunten.ts";

/**
 * How much of the list is still open: a bar with one segment per status (decoration) and the
 * same numbers as text, which is what assistive technology reads.
 */
export function CoverageBar(props: { coverage: BespreekpuntenList["coverage"] }) {
  const count = (s: BespreekpuntStatus) => props.coverage.byStatus[s] ?? 0;
  const shown = () => BESPREEKPUNT_STATUSES.filter((s) => count(s) > 0);
  return (
    <section class="oogo-bp-coverage" aria-labelledby="bp-coverage-heading">
      <h2 class="utrecht-heading-3" id="bp-coverage-heading">
        Dekking
      </h2>
      <p class="utrecht-paragraph" role="status">
        <strong>{props.coverage.open}</strong> van {props.coverage.total} bespreekpunten staan nog open ·{" "}
        {props.coverage.percentDone}% afgehandeld
      </p>
      <div class="oogo-bp-coverage__bar" aria-hidden="true">
        <For each={shown()}>
          {(s) => (
            <span
              class={`oogo-bp-coverage__seg oogo-bp-status--${s}`}
              style={{ "flex-grow": String(count(s)) }}
              title={`${BESPREEKPUNT_STATUS_LABELS[s]}: ${count(s)}`}
            />
          )}
        </For>
      </div>
      <ul class="oogo-bp-coverage__legend">
        <For each={shown()}>
          {(s) => (
            <li>
              <span class={`oogo-bp-coverage__swatch oogo-bp-status--${s}`} aria-hidden="true" />
              {BESPREEKPUNT_STATUS_LABELS[s]}: {count(s)}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
