import { createSignal, For, Show } from "solid-js";
import {
  MEETING_STATUSES, MEETING_STATUS_LABELS, type MeetingStatus,
} from "../../../shared/domain/meetings.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { createAction } from "./createAction.ts";
import { instantToNlLocal, nlLocalToInstant } from "../../../shared/domain/dates.ts";
import { Field } from "./Field.tsx";
import { MeetingStatusBadge, MinutesStatusBadge } from "./StatusBadge.tsx";
import { formText } from "../../ui/formData.ts";

/** The meeting's facts; the secretaris may correct them until the minutes are approved. */
export function MeetingDetails(props: { meeting: MeetingView; canManage: boolean; onChange: (m: MeetingView) => void }) {
  const m = () => props.meeting;
  const [editing, setEditing] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;
  const close = () => { setEditing(false); queueMicrotask(() => editButton?.focus()); };
  return (
    <section class="oogo-section" aria-labelledby="details-heading">
      <h2 class="utrecht-heading-2" id="details-heading">Gegevens</h2>
      <dl class="oogo-facts">
        <div><dt>Soort overleg</dt><dd>{m().typeLabel}</dd></div>
        <div><dt>Datum en tijd</dt><dd><time datetime={m().startsAt}>{formatDateTime(m().startsAt)}</time></dd></div>
        <div><dt>Plaats</dt><dd>{m().place}</dd></div>
        <div><dt>Uitgenodigd</dt><dd>{m().invitedParties.map((p) => p.name).join(", ") || "—"}</dd></div>
        <div><dt>Status</dt><dd><MeetingStatusBadge status={m().status} /> <MinutesStatusBadge status={m().minutesStatus} /></dd></div>
      </dl>
      <Show when={props.canManage}>
        <Show when={editing()} fallback={
          <Show when={!m().recordFrozenReason} fallback={<p class="utrecht-paragraph oogo-loading">{m().recordFrozenReason}</p>}>
            <div class="oogo-form-actions">
              <button type="button" ref={editButton} class="utrecht-button utrecht-button--secondary-action"
                onClick={() => setEditing(true)}>Gegevens wijzigen</button>
            </div>
          </Show>
        }>
          <EditMeetingForm meeting={m()} onDone={(updated) => { props.onChange(updated); close(); }} onCancel={close} />
        </Show>
      </Show>
    </section>
  );
}

function EditMeetingForm(props: { meeting: MeetingView; onDone: (m: MeetingView) => void; onCancel: () => void }) {
  const action = createAction();
  const local = () => instantToNlLocal(props.meeting.startsAt);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const updated = await action.run(() => meetingsApi.update(props.meeting.id, {
      title: formText(f, "title"),
      startsAt: nlLocalToInstant(formText(f, "date"), formText(f, "time")),
      place: formText(f, "place"),
      status: formText(f, "status") as MeetingStatus,
      expectedVersion: props.meeting.version,
    }));
    if (updated) props.onDone(updated);
  };
  return (
    <form class="oogo-panel oogo-panel--muted" onSubmit={(e) => void submit(e)} aria-label="Gegevens van de vergadering wijzigen">
      <Show when={action.error()}><ErrorAlert error={action.error()} title="Opslaan mislukt" /></Show>
      <div class="oogo-form-grid">
        <Field id="edit-title" label="Titel">
          <input id="edit-title" name="title" required minLength={3} maxLength={200} value={props.meeting.title} class="utrecht-textbox utrecht-textbox--html-input" />
        </Field>
        <Field id="edit-date" label="Datum">
          <input id="edit-date" name="date" type="date" required value={local().date} class="utrecht-textbox utrecht-textbox--html-input" />
        </Field>
        <Field id="edit-time" label="Aanvang (Nederlandse tijd)">
          <input id="edit-time" name="time" type="time" required value={local().time} class="utrecht-textbox utrecht-textbox--html-input" />
        </Field>
        <Field id="edit-place" label="Plaats">
          <input id="edit-place" name="place" required minLength={2} maxLength={200} value={props.meeting.place} class="utrecht-textbox utrecht-textbox--html-input" />
        </Field>
        <Field id="edit-status" label="Status">
          <select id="edit-status" name="status" class="utrecht-select utrecht-select--html-select" value={props.meeting.status}>
            <For each={[...MEETING_STATUSES]}>{(s) => <option value={s}>{MEETING_STATUS_LABELS[s]}</option>}</For>
          </select>
        </Field>
      </div>
      <div class="oogo-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
          {action.busy() ? "Bezig met opslaan…" : "Gegevens opslaan"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>Annuleren</button>
      </div>
    </form>
  );
}
