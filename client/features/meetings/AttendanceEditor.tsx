import { createResource, createSignal, For, Index, Show, untrack } from "solid-js";
import {
  ATTENDANCE_STATE_LABELS,
  ATTENDANCE_STATES,
  mandateLabel,
  type AttendanceState,
} from "../../../shared/domain/attendance.ts";
import type { AttendeeView, MeetingView } from "../../../shared/schemas/meetings.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { workspaceApi } from "../../api/endpoints.ts";
import { InfoAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary } from "../../ui/Field.tsx";
import { TableHead } from "../../ui/TableHead.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { Badge } from "./StatusBadge.tsx";

interface Row {
  partyId: string | null;
  name: string;
  capacity: string;
  attendance: AttendanceState;
  substitute: string;
  mandate: boolean;
}

const toRow = (a: AttendeeView): Row => ({
  partyId: a.party?.id ?? null,
  name: a.name,
  capacity: a.capacity,
  attendance: a.attendance,
  substitute: a.substitute ?? "",
  mandate: a.mandate,
});

/** The columns of the attendance list, read and edited alike (the editor adds its actions). */
const ATTENDANCE_COLUMNS = ["Partij", "Naam", "Hoedanigheid", "Aanwezigheid"] as const;
const ATTENDANCE_TONE = { aanwezig: "ok", afgemeld: "neutral", afwezig: "neutral" } as const;
const ATTENDANCE_ICON = { aanwezig: "check", afgemeld: "cross", afwezig: "cross" } as const;

/**
 * Who attended, for which party, in which capacity: aanwezig, afgemeld (perhaps with a vervanger)
 * or afwezig, and for a bestuurder whether they decide "namens" their party — what a formal OOGO
 * needs to reach agreement. Everyone reads it; the secretaris edits the whole list and saves it
 * at once (the server replaces it as a whole).
 */
export function AttendanceSection(props: {
  meeting: MeetingView;
  canManage: boolean;
  onChange: (m: MeetingView) => void;
}) {
  const ws = useWorkspace();
  const tafelParties = () => ws.workspace()?.parties;
  const [editing, setEditing] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;
  const close = () => {
    setEditing(false);
    queueMicrotask(() => editButton?.focus());
  };
  // Grouped by party in the tafel's order, so each delegation reads together.
  const byParty = () => {
    const order = new Map((tafelParties() ?? []).map((p, i) => [p.id, i]));
    const rank = (a: AttendeeView) => (a.party ? (order.get(a.party.id) ?? 50) : 99);
    return [...props.meeting.attendance].sort((a, b) => rank(a) - rank(b));
  };
  return (
    <section class="oogo-section" aria-labelledby="attendance-heading">
      <h2 class="utrecht-heading-2" id="attendance-heading">
        Aanwezigheid
      </h2>
      <Show when={!editing()}>
        <Show
          when={props.meeting.attendance.length > 0}
          fallback={<p class="utrecht-paragraph">Nog geen aanwezigheid vastgelegd.</p>}
        >
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table oogo-stack-table oogo-stack-table--pairs">
              <caption class="utrecht-table__caption oogo-visually-hidden">Aanwezigheid per partij</caption>
              <TableHead columns={ATTENDANCE_COLUMNS} />
              <tbody class="utrecht-table__body">
                <For each={byParty()}>
                  {(a) => (
                    <tr class="utrecht-table__row">
                      <td class="utrecht-table__cell" data-label="Partij">
                        {a.party?.name ?? "Geen partij (secretariaat, voorzitter)"}
                      </td>
                      <td class="utrecht-table__cell oogo-stack-table__title">{a.name}</td>
                      <td class="utrecht-table__cell" data-label="Hoedanigheid">
                        {a.capacity}
                        <Show when={a.mandateLabel}>
                          <br />
                          <strong>{a.mandateLabel}</strong>
                        </Show>
                      </td>
                      <td class="utrecht-table__cell" data-label="Aanwezig">
                        <Badge tone={ATTENDANCE_TONE[a.attendance]} icon={ATTENDANCE_ICON[a.attendance]}>
                          {ATTENDANCE_STATE_LABELS[a.attendance]}
                        </Badge>
                        <Show when={a.attendance === "afgemeld" && a.substitute}>
                          <span class="oogo-muted"> vervangen door {a.substitute}</span>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
      <Show when={props.canManage}>
        <Show
          when={editing()}
          fallback={
            <Show when={!props.meeting.recordFrozenReason}>
              <div class="oogo-form-actions">
                <button
                  type="button"
                  ref={editButton}
                  class="utrecht-button utrecht-button--secondary-action"
                  onClick={() => setEditing(true)}
                >
                  Aanwezigheid bijwerken
                </button>
              </div>
            </Show>
          }
        >
          <AttendanceForm
            meeting={props.meeting}
            onDone={(m) => {
              props.onChange(m);
              close();
            }}
            onCancel={close}
          />
        </Show>
      </Show>
    </section>
  );
}

function AttendanceForm(props: { meeting: MeetingView; onDone: (m: MeetingView) => void; onCancel: () => void }) {
  const ws = useWorkspace();
  const save = createAction(
    (list: Row[], version: number) =>
      meetingsApi.setAttendance(props.meeting.id, {
        attendees: list.map((r) => ({
          partyId: r.partyId,
          name: r.name.trim(),
          capacity: r.capacity.trim(),
          attendance: r.attendance,
          substitute: r.attendance === "afgemeld" && r.substitute.trim() ? r.substitute.trim() : null,
          mandate: r.mandate && r.attendance === "aanwezig" && !!mandateOf(r.partyId),
        })),
        expectedVersion: version,
      }),
    {
      announce: (m) =>
        `Aanwezigheid opgeslagen: ${m.attendance.length} ${m.attendance.length === 1 ? "persoon" : "personen"}.`,
    },
  );
  // A draft: it starts from the stored list and is not overwritten while the secretary edits it.
  const [rows, setRows] = createSignal<Row[]>(untrack(() => props.meeting.attendance.map(toRow)));
  const [members] = createResource(() => ws.id(), workspaceApi.members);
  const parties = () => ws.workspace()?.parties ?? [];
  /** "namens het college van B&W van …" for a signing party, null for others and no party. */
  const mandateOf = (partyId: string | null) => {
    const party = parties().find((p) => p.id === partyId);
    return party ? mandateLabel(party) : null;
  };
  const invitedIds = () => new Set(props.meeting.invitedParties.map((p) => p.id));

  const update = (i: number, patch: Partial<Row>) => setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => setRows(rows().filter((_, j) => j !== i));
  const add = () => {
    setRows([
      ...rows(),
      {
        partyId: props.meeting.invitedParties[0]?.id ?? null,
        name: "",
        capacity: "",
        attendance: "aanwezig",
        substitute: "",
        mandate: false,
      },
    ]);
    queueMicrotask(() => document.getElementById(`att-name-${rows().length - 1}`)?.focus());
  };
  // Saves typing: the tafel's members of the invited parties (and the secretariat) as a starting list.
  const fillFromMembers = () => {
    const known = new Set(rows().map((r) => r.name.toLowerCase()));
    const extra = (members()?.members ?? [])
      .filter(
        (m) => (m.party ? invitedIds().has(m.party.id) : m.role === "secretaris") && !known.has(m.name.toLowerCase()),
      )
      .filter((m) => m.role !== "beheerder" && m.role !== "waarnemer")
      .map((m): Row => ({
        partyId: m.party?.id ?? null,
        name: m.name,
        capacity: m.title ?? "",
        attendance: "aanwezig",
        substitute: "",
        // A bestuurder of a signing party decides for it unless the secretaris says otherwise.
        mandate: m.role === "bestuurder" && !!mandateOf(m.party?.id ?? null),
      }));
    setRows(byDelegation([...rows(), ...extra]));
  };

  // Stored per delegation in tafel order (exports print the list as stored); stable within a party.
  const byDelegation = (list: Row[]) => {
    const order = new Map(parties().map((p, i) => [p.id, i]));
    const rank = (r: Row) => (r.partyId ? (order.get(r.partyId) ?? 50) : 99);
    return list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
      .map(({ r }) => r);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const updated = await save.run(byDelegation(rows()), props.meeting.version);
    if (updated) props.onDone(updated);
  };

  return (
    <form class="oogo-panel oogo-panel--muted" onSubmit={(e) => void submit(e)} aria-label="Aanwezigheid bijwerken">
      <ErrorSummary error={save.error()} title="Aanwezigheid opslaan mislukt" />
      <Show when={rows().length === 0}>
        <InfoAlert>
          <p class="utrecht-paragraph">
            Nog niemand op de lijst. Voeg een persoon toe, of neem de deelnemers van de uitgenodigde partijen over.
          </p>
        </InfoAlert>
      </Show>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table oogo-attendance-table oogo-stack-table">
          <caption class="utrecht-table__caption oogo-visually-hidden">Aanwezigheid bewerken</caption>
          <TableHead columns={[...ATTENDANCE_COLUMNS, <span class="oogo-visually-hidden">Acties</span>]} />
          <tbody class="utrecht-table__body">
            <Index each={rows()}>
              {(row, i) => {
                const who = () => row().name.trim() || `persoon ${i + 1}`;
                return (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell" data-label="Partij">
                      <select
                        class="utrecht-select utrecht-select--html-select"
                        aria-label={`Partij van ${who()}`}
                        value={row().partyId ?? ""}
                        onChange={(e) => update(i, { partyId: e.currentTarget.value || null })}
                      >
                        <option value="">Geen partij (secretariaat, voorzitter)</option>
                        <For each={parties()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
                      </select>
                    </td>
                    <td class="utrecht-table__cell" data-label="Naam">
                      <input
                        type="text"
                        id={`att-name-${i}`}
                        required
                        minLength={2}
                        maxLength={120}
                        aria-label={`Naam van persoon ${i + 1}`}
                        class="utrecht-textbox utrecht-textbox--html-input"
                        value={row().name}
                        onInput={(e) => update(i, { name: e.currentTarget.value })}
                      />
                    </td>
                    <td class="utrecht-table__cell" data-label="Hoedanigheid">
                      <input
                        type="text"
                        required
                        minLength={2}
                        maxLength={160}
                        aria-label={`Hoedanigheid van ${who()}`}
                        placeholder="bijv. wethouder onderwijs"
                        class="utrecht-textbox utrecht-textbox--html-input"
                        value={row().capacity}
                        onInput={(e) => update(i, { capacity: e.currentTarget.value })}
                      />
                    </td>
                    <td class="utrecht-table__cell">
                      <div class="oogo-attendance-cell">
                        <select
                          class="utrecht-select utrecht-select--html-select"
                          aria-label={`Aanwezigheid van ${who()}`}
                          value={row().attendance}
                          onChange={(e) => update(i, { attendance: e.currentTarget.value as AttendanceState })}
                        >
                          <For each={ATTENDANCE_STATES}>
                            {(s) => <option value={s}>{ATTENDANCE_STATE_LABELS[s]}</option>}
                          </For>
                        </select>
                        <Show when={row().attendance === "afgemeld"}>
                          <input
                            type="text"
                            maxLength={120}
                            aria-label={`Vervanger van ${who()} (optioneel)`}
                            placeholder="Vervangen door (optioneel)"
                            class="utrecht-textbox utrecht-textbox--html-input"
                            value={row().substitute}
                            onInput={(e) => update(i, { substitute: e.currentTarget.value })}
                          />
                        </Show>
                        <Show when={row().attendance === "aanwezig" && mandateOf(row().partyId)}>
                          {(label) => (
                            <div class="oogo-checkbox-row">
                              <input
                                type="checkbox"
                                id={`att-mandate-${i}`}
                                checked={row().mandate}
                                onChange={(e) => update(i, { mandate: e.currentTarget.checked })}
                              />
                              <label for={`att-mandate-${i}`}>
                                Besluit {label()}
                                <span class="oogo-visually-hidden"> ({who()})</span>
                              </label>
                            </div>
                          )}
                        </Show>
                      </div>
                    </td>
                    <td class="utrecht-table__cell">
                      <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => remove(i)}>
                        Verwijderen<span class="oogo-visually-hidden"> {who()}</span>
                      </button>
                    </td>
                  </tr>
                );
              }}
            </Index>
          </tbody>
        </table>
      </div>
      <div class="oogo-form-actions">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={add}>
          Persoon toevoegen
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          disabled={!members()}
          onClick={fillFromMembers}
        >
          Deelnemers van uitgenodigde partijen overnemen
        </button>
      </div>
      <div class="oogo-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={save.busy()}>
          {save.busy() ? "Bezig met opslaan…" : "Aanwezigheid opslaan"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
