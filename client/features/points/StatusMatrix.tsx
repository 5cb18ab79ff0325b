import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import {
  POINT_STATUS_INFO,
  STATUS_GROUPS,
  STATUS_GROUP_LABELS,
  type PointStatus,
  type StatusGroup,
} from "../../../shared/domain/pointStatus.ts";
import { StatusGroupIcon } from "./StatusBadge.tsx";
import { pluralPunten } from "./format.ts";

/**
 * Column headers with soft hyphens (U+00AD): long Dutch compounds may break there, so a dozen
 * status columns fit the page. Screen readers ignore soft hyphens.
 */
const HEADER: Partial<Record<PointStatus, string>> = {
  overeenstemming: "Overeen\u00ADstemming",
  geen_overeenstemming: "Geen overeen\u00ADstemming",
  doorgeschoven: "Door\u00ADgeschoven",
  geagendeerd: "Geagen\u00ADdeerd",
  akkoord_in_overleg: "Akkoord in overleg, onder\u00ADtekening loopt",
  vastgelegd: "Vast\u00ADgelegd",
  in_uitvoering: "In uit\u00ADvoering",
  geevalueerd: "Geëva\u00ADlueerd",
  afgesloten_zonder_overeenstemming: "Afgesloten zonder overeen\u00ADstemming",
  in_bespreking: "In bespre\u00ADking",
};
const header = (s: PointStatus) => HEADER[s] ?? POINT_STATUS_INFO[s].label;

export interface MatrixRow {
  key: string;
  label: string;
  total: number;
  counts: Partial<Record<PointStatus, number>>;
}

/**
 * Rows × statuses with a count per cell, statuses grouped under their status group. Every
 * non-empty cell is a link to the list filtered on that row and status; its accessible name
 * says the whole thing ("3 punten Jeugdhulp met status In bespreking"), not just "3".
 */
export function StatusMatrix(props: {
  caption: string;
  rowHeader: string;
  rows: MatrixRow[];
  statuses: PointStatus[];
  totals: Partial<Record<PointStatus, number>>;
  href: (rowKey: string | null, status: PointStatus | null) => string;
  /** Whose points these are, when not the whole tafel's (e.g. "Gemeente Tynaarlo"); part of every cell's name. */
  scopeLabel?: string;
}) {
  const forWhom = () => (props.scopeLabel ? ` van ${props.scopeLabel}` : "");
  const groups = () =>
    STATUS_GROUPS.map((group) => ({
      group,
      statuses: props.statuses.filter((s) => POINT_STATUS_INFO[s].group === group),
    })).filter((g) => g.statuses.length > 0);
  const ordered = () => groups().flatMap((g) => g.statuses);
  const grandTotal = () => props.rows.reduce((n, r) => n + r.total, 0);
  return (
    <div class="utrecht-table-container">
      <table class="oogo-matrix">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <td />
            <For each={groups()}>
              {(g) => (
                <th scope="colgroup" colSpan={g.statuses.length} class={`oogo-matrix__group oogo-tone--${g.group}`}>
                  <StatusGroupIcon group={g.group} /> <span>{STATUS_GROUP_LABELS[g.group]}</span>
                </th>
              )}
            </For>
            <td />
          </tr>
          <tr>
            <th scope="col" class="oogo-visually-hidden">
              {props.rowHeader}
            </th>
            <For each={ordered()}>
              {(s) => (
                <th scope="col" title={POINT_STATUS_INFO[s].description}>
                  {header(s)}
                </th>
              )}
            </For>
            <th scope="col">Totaal</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <For each={ordered()}>
                  {(s) => (
                    <Cell
                      count={row.counts[s] ?? 0}
                      status={s}
                      href={props.href(row.key, s)}
                      context={`${row.label}${forWhom()}`}
                    />
                  )}
                </For>
                <td class="oogo-matrix__total">
                  <Show when={row.total > 0} fallback={<span class="oogo-zero">0</span>}>
                    <A
                      href={props.href(row.key, null)}
                      aria-label={`Alle ${pluralPunten(row.total)}: ${row.label}${forWhom()}`}
                    >
                      {row.total}
                    </A>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totaal</th>
            <For each={ordered()}>
              {(s) => (
                <Cell
                  count={props.totals[s] ?? 0}
                  status={s}
                  href={props.href(null, s)}
                  context={`alle thema's${forWhom()}`}
                />
              )}
            </For>
            <td class="oogo-matrix__total">
              <A href={props.href(null, null)} aria-label={`Alle ${pluralPunten(grandTotal())}${forWhom()}`}>
                {grandTotal()}
              </A>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Cell(props: { count: number; status: PointStatus; href: string; context: string }) {
  const group = (): StatusGroup => POINT_STATUS_INFO[props.status].group;
  return (
    <td>
      <Show
        when={props.count > 0}
        fallback={
          <span class="oogo-matrix__empty">
            <span aria-hidden="true">·</span>
            <span class="oogo-visually-hidden">geen</span>
          </span>
        }
      >
        <A
          href={props.href}
          class={`oogo-matrix__cell oogo-fill--${group()}`}
          aria-label={`${pluralPunten(props.count)} ${props.context} met status ${POINT_STATUS_INFO[props.status].label}`}
        >
          <StatusGroupIcon group={group()} />
          {props.count}
        </A>
      </Show>
    </td>
  );
}

/** A legend of the status groups: colour, icon and pattern together. */
export function StatusLegend() {
  return (
    <ul class="oogo-legend" aria-label="Legenda">
      <For each={[...STATUS_GROUPS]}>
        {(group) => (
          <li>
            <span class={`oogo-legend__swatch oogo-fill--${group}`}>
              <StatusGroupIcon group={group} />
            </span>
            {STATUS_GROUP_LABELS[group]}
          </li>
        )}
      </For>
    </ul>
  );
}
