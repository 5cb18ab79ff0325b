import { For, Show } from "solid-js";
import {
  POINT_STATUS_INFO,
  STATUS_GROUPS,
  STATUS_GROUP_LABELS,
  type PointStatus,
  type StatusGroup,
} from "../../../shared/domain/pointStatus.ts";
import { PARTY_POSITION_LABELS, PARTY_POSITIONS, type PartyPosition } from "../../../shared/domain/partyPosition.ts";
import type { PartyView, ThemeView } from "../../../shared/schemas/workspace.ts";
import type { BoardFilters } from "./boardFilters.ts";
import { hasFilters } from "./boardFilters.ts";

/**
 * Filter controls of the point list; every change goes straight to the URL (no submit needed).
 * `statuses` are the ones the matrix shows, so both offer the same choices.
 */
export function PointFilters(props: {
  filters: BoardFilters;
  statuses: readonly PointStatus[];
  themes: ThemeView[];
  parties: PartyView[];
  onChange: (next: BoardFilters) => void;
}) {
  const set = (patch: Partial<BoardFilters>) => props.onChange({ ...props.filters, ...patch });
  const gemeenten = () => props.parties.filter((p) => p.kind === "gemeente");
  const swvs = () => props.parties.filter((p) => p.kind === "swv");
  // A status value and a group value live in one select: "g:akkoord" or "s:in_bespreking".
  const statusValue = () =>
    props.filters.status ? `s:${props.filters.status}` : props.filters.groep ? `g:${props.filters.groep}` : "";
  const setStatus = (value: string) => {
    if (value.startsWith("s:")) set({ status: value.slice(2) as PointStatus, groep: undefined });
    else if (value.startsWith("g:")) set({ groep: value.slice(2) as StatusGroup, status: undefined });
    else set({ status: undefined, groep: undefined });
  };
  return (
    <form class="oogo-filters" role="search" aria-label="Punten filteren" onSubmit={(e) => e.preventDefault()}>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="filter-thema">
            Thema
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <select
            id="filter-thema"
            class="utrecht-select utrecht-select--html-select"
            value={props.filters.thema ?? ""}
            onChange={(e) => set({ thema: e.currentTarget.value || undefined })}
          >
            <option value="">Alle thema's</option>
            <For each={props.themes}>
              {(t) => (
                <option value={t.key}>
                  {t.label}
                  {t.archived ? " (gearchiveerd)" : ""}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="filter-status">
            Status
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <select
            id="filter-status"
            class="utrecht-select utrecht-select--html-select"
            value={statusValue()}
            onChange={(e) => setStatus(e.currentTarget.value)}
          >
            <option value="">Alle statussen</option>
            <For each={[...STATUS_GROUPS]}>
              {(group) => (
                <optgroup label={STATUS_GROUP_LABELS[group]}>
                  <option value={`g:${group}`}>Alles in “{STATUS_GROUP_LABELS[group]}”</option>
                  <For each={props.statuses.filter((s) => POINT_STATUS_INFO[s].group === group)}>
                    {(s) => <option value={`s:${s}`}>{POINT_STATUS_INFO[s].label}</option>}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
        </div>
      </div>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="filter-gemeente">
            Partij
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <select
            id="filter-gemeente"
            class="utrecht-select utrecht-select--html-select"
            value={props.filters.gemeente ?? ""}
            onChange={(e) =>
              set({
                gemeente: e.currentTarget.value || undefined,
                ...(e.currentTarget.value ? {} : { standpunt: undefined, ondertekening: undefined }),
              })
            }
          >
            <option value="">Alle partijen</option>
            <optgroup label="Gemeenten">
              <For each={gemeenten()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </optgroup>
            <Show when={swvs().length > 0}>
              <optgroup label="Samenwerkingsverband">
                <For each={swvs()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
              </optgroup>
            </Show>
          </select>
        </div>
      </div>
      <Show when={props.filters.gemeente}>
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="filter-standpunt">
              Standpunt van deze partij
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <select
              id="filter-standpunt"
              class="utrecht-select utrecht-select--html-select"
              value={props.filters.standpunt ?? ""}
              onChange={(e) => set({ standpunt: (e.currentTarget.value || undefined) as PartyPosition | undefined })}
            >
              <option value="">Elk standpunt</option>
              <For each={[...PARTY_POSITIONS]}>{(s) => <option value={s}>{PARTY_POSITION_LABELS[s]}</option>}</For>
            </select>
          </div>
        </div>
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="filter-ondertekening">
              Ondertekening
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <select
              id="filter-ondertekening"
              class="utrecht-select utrecht-select--html-select"
              value={props.filters.ondertekening ?? ""}
              onChange={(e) =>
                set({ ondertekening: (e.currentTarget.value || undefined) as BoardFilters["ondertekening"] })
              }
            >
              <option value="">Ondertekend of niet</option>
              <option value="getekend">Ondertekend (huidige tekst)</option>
              <option value="wacht">Wacht op ondertekening</option>
            </select>
          </div>
        </div>
      </Show>
      <div class="oogo-filters__actions">
        <Show when={hasFilters(props.filters)}>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onChange({})}>
            Filters wissen
          </button>
        </Show>
      </div>
    </form>
  );
}
