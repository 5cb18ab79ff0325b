import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { BoardView } from "../../../shared/schemas/points.ts";
import type { PartyView, ThemeView } from "../../../shared/schemas/workspace.ts";
import { StatusBadge, StatusGroupIcon } from "./StatusBadge.tsx";
import { PARTY_POSITION_GROUP, PARTY_POSITION_LABELS, partyPosition } from "../../../shared/domain/partyPosition.ts";

type BoardPoint = BoardView["points"][number];

/**
 * The points below the board: title, theme, status, and per party the position that counts in
 * that status (its stance in the ambtelijk phase, its signature once bestuurders decide).
 */
export function PointList(props: {
  points: BoardPoint[];
  themes: ThemeView[];
  parties: PartyView[];
  pointHref: (id: string) => string;
}) {
  const themeLabel = (key: string) => props.themes.find((t) => t.key === key)?.label ?? key;
  const partyName = (id: string) => props.parties.find((p) => p.id === id)?.name ?? "Onbekende partij";
  return (
    <ul class="oogo-point-list">
      <For each={props.points}>
        {(p) => (
          <li class="oogo-point-row">
            <div>
              <div class="oogo-point-row__title">
                <A href={props.pointHref(p.id)}>{p.title}</A>
              </div>
              <div class="oogo-point-row__meta">
                {themeLabel(p.theme)} · {p.partyIds.length} partijen in de scope
              </div>
            </div>
            <div class="oogo-point-row__status">
              <StatusBadge status={p.status} />
              <Show when={p.verouderdeSignoffs > 0}>
                <div class="oogo-warning-text" style={{ "margin-top": "6px", "font-size": "0.9rem" }}>
                  ⚠{" "}
                  {p.verouderdeSignoffs === 1
                    ? "1 ondertekening verouderd"
                    : `${p.verouderdeSignoffs} ondertekeningen verouderd`}
                </div>
              </Show>
            </div>
            <ul class="oogo-chips" aria-label={`Partijen bij ${p.title}`}>
              <For each={p.perParty}>
                {(x) => {
                  const pos = () => partyPosition(p.status, x);
                  return (
                    <li class={`oogo-chip oogo-chip--${PARTY_POSITION_GROUP[pos()]}`} data-position={pos()}>
                      <span class={`oogo-tone--${PARTY_POSITION_GROUP[pos()]}`}>
                        <StatusGroupIcon group={PARTY_POSITION_GROUP[pos()]} />
                      </span>
                      {partyName(x.partyId)}: {PARTY_POSITION_LABELS[pos()].toLowerCase()}
                    </li>
                  );
                }}
              </For>
            </ul>
          </li>
        )}
      </For>
    </ul>
  );
}
