import { For, type JSX } from "solid-js";

/**
 * The header row of a Utrecht table: one column header per entry, in order. An entry may be
 * markup, e.g. a visually hidden "Acties" over a column of buttons.
 */
export function TableHead(props: { columns: readonly JSX.Element[] }) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        <For each={props.columns}>
          {(column) => (
            <th class="utrecht-table__header-cell" scope="col">
              {column}
            </th>
          )}
        </For>
      </tr>
    </thead>
  );
}
