import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { STANCES, type Stance } from "../../../shared/domain/stances.ts";
import type { BoardView } from "../../../shared/schemas/points.ts";
import type { PartyView } from "../../../shared/schemas/workspace.ts";
import { StatusGroupIcon } from "./StatusBadge.tsx";
import { pluralPunten, STANCE_GROUP, stanceLabel } from "./format.ts";
import type { BoardFilters } from "./boardFilters.ts";

type BoardParty = BoardView["parties"][number];

/** Stance columns left to right: agreed first, then what still needs work. */
const COLUMNS: Stance[] = ["akkoord", "akkoord_met_voorbehoud", "niet_akkoord", "geen_standpunt"];

/**
 * The OOGO is held with each college: this table shows, per party, where it stands on the
 * points that concern it — its stance on the current texts and its signatures — so a regional
 * point agreed with one gemeente and not yet with another is visible at a glance.
 */
export function PartyAgreementTable(props: {
  parties: BoardParty[];
  workspaceParties: PartyView[];
  href: (filters: BoardFilters) => string;
}) {
  const colour = (id: string) => props.workspaceParties.find((p) => p.id === id)?.color ?? "#555";
  return (
    <div class="utrecht-table-container">
      <table class="oogo-party-table oogo-stack-table oogo-stack-table--pairs">
        <caption>Standpunten en ondertekening per partij (op de huidige teksten)</caption>
        <thead>
          <tr>
            <th scope="col" style={{ "text-align": "start" }}>
              Partij
            </th>
            <th scope="col">Punten in scope</th>
            <For each={COLUMNS}>
              {(s) => (
                <th scope="col">
                  <span class={`oogo-tone--${STANCE_GROUP[s]}`}>
                    <StatusGroupIcon group={STANCE_GROUP[s]} />
                  </span>{" "}
                  {stanceLabel(s)}
                </th>
              )}
            </For>
            <th scope="col">Verdeling</th>
            <th scope="col">Ondertekend</th>
            <th scope="col">Wacht op ondertekening</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.parties}>
            {(p) => (
              <tr>
                <th scope="row">
                  <span class="oogo-party-name" style={{ "--oogo-party-color": colour(p.id) }}>
                    <span class="oogo-party-dot" aria-hidden="true" />
                    {p.name}
                  </span>
                  <span class="oogo-party-kind">{p.kind === "swv" ? "Samenwerkingsverband" : "Gemeente"}</span>
                </th>
                <td data-label="Punten in scope">
                  <CountLink
                    n={p.total}
                    href={props.href({ gemeente: p.id })}
                    label={`${pluralPunten(p.total)} in de scope van ${p.name}`}
                  />
                </td>
                <For each={COLUMNS}>
                  {(s) => (
                    <td data-label={stanceLabel(s)}>
                      <CountLink
                        n={p.stances[s] ?? 0}
                        href={props.href({ gemeente: p.id, standpunt: s })}
                        label={`${pluralPunten(p.stances[s] ?? 0)} waarop ${p.name} ${s === "geen_standpunt" ? "nog geen standpunt heeft" : `${stanceLabel(s).toLowerCase()} is`}`}
                      />
                    </td>
                  )}
                </For>
                <td data-label="Verdeling">
                  <StanceBar party={p} />
                </td>
                <td data-label="Ondertekend">
                  <CountLink
                    n={p.signed}
                    href={props.href({ gemeente: p.id, ondertekening: "getekend" })}
                    label={`${pluralPunten(p.signed)} ondertekend door ${p.name}`}
                  />
                </td>
                <td data-label="Wacht op ondertekening">
                  <CountLink
                    n={p.awaitingSignature}
                    href={props.href({ gemeente: p.id, ondertekening: "wacht" })}
                    label={`${pluralPunten(p.awaitingSignature)} wacht op ondertekening door ${p.name}`}
                    warn
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function CountLink(props: { n: number; href: string; label: string; warn?: boolean }) {
  return (
    <Show when={props.n > 0} fallback={<span class="oogo-zero">0</span>}>
      <A href={props.href} aria-label={props.label} class={props.warn ? "oogo-warning-text" : undefined}>
        {props.n}
      </A>
    </Show>
  );
}

/** Proportions of the four stances; decorative (the numbers beside it say the same), patterned for greyscale. */
function StanceBar(props: { party: BoardParty }) {
  const total = () => {
    let n = 0;
    for (const s of STANCES) n += props.party.stances[s] ?? 0;
    return n;
  };
  return (
    <span class="oogo-bar" aria-hidden="true">
      <For each={COLUMNS}>
        {(s) => (
          <Show when={(props.party.stances[s] ?? 0) > 0}>
            <span
              class={`oogo-bar__${s}`}
              style={{ width: `${(100 * (props.party.stances[s] ?? 0)) / Math.max(1, total())}%` }}
            />
          </Show>
        )}
      </For>
    </span>
  );
}
