import { createSignal, For, Show } from "solid-js";
import { MEETING_STATUSES, MEETING_STATUS_LABELS, type MeetingStatus } from "../../../shared/domain/meetings.ts";
import { formatDateTime, instantToNlLocal, nlLocalToInstant } from "../../../shared/domain/dates.ts";
import type { MeetingView } from "../../../shared/schemas/meetings.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { fieldError } from "../../ui/inputErrors.ts";
import { MeetingStatusBadge, MinutesStatusBadge } from "./StatusBadge.tsx";
import { formatMeetingTime } from "../../../shared/domain/meetingTimes.ts";
import { ErrorAlert, InfoAlert } from "../../ui/feedback.tsx";
import { formText } from "../../ui/formData.ts";

/** The meeting's facts; the secretaris may correct them until the minutes are approved. */
export function MeetingDetails(props: {
  meeting: MeetingView;
  canManage: boolean;
  onChange: (m: MeetingView) => void;
}) {
  const m = () => props.meeting;
  const [editing, setEditing] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;
  const close = () => {
    setEditing(false);
    queueMicrotask(() => editButton?.focus());
  };
  return (
    <section class="oogo-section" aria-labelledby="details-heading">
      <h2 class="utrecht-heading-2" id="details-heading">
        Gegevens
      </h2>
      <dl class="oogo-facts">
        <div>
          <dt>Soort overleg</dt>
          <dd>{m().typeLabel}</dd>
        </div>
        <div>
          <dt>Datum en tijd</dt>
          <dd>
            <time datetime={m().startsAt}>{formatMeetingTime(m().startsAt, m().endsAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Plaats</dt>
          <dd>{m().place || "alleen online"}</dd>
        </div>
        <Show when={m().onlineUrl}>
          {(url) => (
            <div>
              <dt>Online</dt>
              <dd>
                <a class="utrecht-link" href={url()} rel="noopener noreferrer" target="_blank">
                  Deelnemen aan de online vergadering
                </a>
              </dd>
            </div>
          )}
        </Show>
        <div>
          <dt>Uitgenodigd</dt>
          <dd>
            {m()
              .invitedParties.map((p) => p.name)
              .join(", ") || "—"}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <MeetingStatusBadge status={m().status} /> <MinutesStatusBadge status={m().minutesStatus} />
          </dd>
        </div>
      </dl>
      <Convocation meeting={m()} canManage={props.canManage} onChange={props.onChange} />
      <Show when={props.canManage}>
        <Show
          when={editing()}
          fallback={
            <Show
              when={!m().recordFrozenReason}
              fallback={<p class="utrecht-paragraph oogo-loading">{m().recordFrozenReason}</p>}
            >
              <div class="oogo-form-actions">
                <button
                  type="button"
                  ref={editButton}
                  class="utrecht-button utrecht-button--secondary-action"
                  onClick={() => setEditing(true)}
                >
                  Gegevens wijzigen
                </button>
              </div>
            </Show>
          }
        >
          <EditMeetingForm
            meeting={m()}
            onDone={(updated) => {
              props.onChange(updated);
              close();
            }}
            onCancel={close}
          />
        </Show>
      </Show>
    </section>
  );
}

function EditMeetingForm(props: { meeting: MeetingView; onDone: (m: MeetingView) => void; onCancel: () => void }) {
  const local = () => instantToNlLocal(props.meeting.startsAt);
  const save = createAction((f: FormData, version: number) =>
    meetingsApi.update(props.meeting.id, {
      title: formText(f, "title"),
      startsAt: nlLocalToInstant(formText(f, "date"), formText(f, "time")),
      place: formText(f, "place"),
      status: formText(f, "status") as MeetingStatus,
      expectedVersion: version,
    }),
  );
  const err = (field: string) => fieldError(save.error(), field);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const updated = await save.run(new FormData(e.currentTarget as HTMLFormElement), props.meeting.version);
    if (updated) props.onDone(updated);
  };
  return (
    <form
      class="oogo-panel oogo-panel--muted"
      onSubmit={(e) => void submit(e)}
      aria-label="Gegevens van de vergadering wijzigen"
    >
      <ErrorSummary error={save.error()} title="Opslaan mislukt" />
      <div class="oogo-form-grid">
        <Field id="edit-title" label="Titel" error={err("title")}>
          {(control) => (
            <input
              {...control}
              name="title"
              required
              minLength={3}
              maxLength={200}
              value={props.meeting.title}
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="edit-date" label="Datum" error={err("startsAt")}>
          {(control) => (
            <input
              {...control}
              name="date"
              type="date"
              required
              value={local().date}
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="edit-time" label="Aanvang (Nederlandse tijd)">
          {(control) => (
            <input
              {...control}
              name="time"
              type="time"
              required
              value={local().time}
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="edit-place" label="Plaats" error={err("place")}>
          {(control) => (
            <input
              {...control}
              name="place"
              required
              minLength={2}
              maxLength={200}
              value={props.meeting.place}
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="edit-status" label="Status" error={err("status")}>
          {(control) => (
            <select
              {...control}
              name="status"
              class="utrecht-select utrecht-select--html-select"
              value={props.meeting.status}
            >
              <For each={[...MEETING_STATUSES]}>{(s) => <option value={s}>{MEETING_STATUS_LABELS[s]}</option>}</For>
            </select>
          )}
        </Field>
      </div>
      <div class="oogo-form-actions">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={save.busy()}>
          {save.busy() ? "Bezig met opslaan…" : "Gegevens opslaan"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>
          Annuleren
        </button>
      </div>
    </form>
  );
}

/**
 * The convocatie: sent once by the secretaris; later changes of time or place go out as updates by
 * themselves, a changed agenda when the secretaris sends it (several agenda edits, one mail).
 */
function Convocation(props: { meeting: MeetingView; canManage: boolean; onChange: (m: MeetingView) => void }) {
  const m = () => props.meeting;
  const send = createAction((id: string, version: number) => meetingsApi.convene(id, version), {
    announce: () => "De convocatie is verstuurd.",
  });
  const sendAgenda = createAction((id: string, version: number) => meetingsApi.sendAgendaUpdate(id, version), {
    announce: () => "De gewijzigde agenda is verstuurd.",
  });
  // Nothing to show (a held meeting that was never convened, or a reader): no empty panel.
  const shown = () => !!m().convocation || (props.canManage && m().status === "gepland");
  return (
    <Show when={shown()}>
      <div class="oogo-panel" id="convocation">
        <Show
          when={m().convocation}
          fallback={
            <Show when={props.canManage && m().status === "gepland"}>
              <p class="utrecht-paragraph">
                Met de convocatie krijgt iedere genodigde een e-mail met een agenda-uitnodiging en de agenda met de
                vergaderstukken als PDF. Wijzigt u daarna datum, tijd of plaats, dan krijgen zij vanzelf een bijgewerkte
                uitnodiging.
              </p>
              <Show when={send.error()}>
                <ErrorAlert error={send.error()} title="Versturen mislukt" />
              </Show>
              <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                disabled={send.busy()}
                onClick={() => {
                  const onChange = props.onChange;
                  void send.run(m().id, m().version).then((updated) => updated && onChange(updated));
                }}
              >
                {send.busy() ? "Bezig met versturen…" : "Convocatie versturen"}
              </button>
            </Show>
          }
        >
          {(c) => (
            <>
              <InfoAlert type={c().cancelled ? "warning" : "ok"}>
                <p class="utrecht-paragraph" id="convocation-sent">
                  Convocatie verstuurd op {formatDateTime(c().sentAt)}
                  {c().sequence > 0 ? `; daarna ${c().sequence} keer bijgewerkt` : ""}
                  {c().cancelled ? "; de annulering is verstuurd" : ""}.
                </p>
                {/* Said once, right after sending (the button that had the focus is gone): focus lands here. */}
                <Show when={sendAgenda.result() && !m().agendaChangedSinceConvocation}>
                  <p class="utrecht-paragraph" id="agenda-sent" tabindex="-1">
                    De gewijzigde agenda is verstuurd. Iedere genodigde krijgt de nieuwe agenda per e-mail, met de
                    vergaderstukken en een bijgewerkte agenda-uitnodiging.
                  </p>
                </Show>
              </InfoAlert>
              <Show when={props.canManage && m().agendaChangedSinceConvocation}>
                <InfoAlert type="warning">
                  <p class="utrecht-paragraph" id="agenda-changed">
                    De agenda is gewijzigd na de convocatie. De genodigden hebben de nieuwe agenda nog niet. Bent u
                    klaar met de agenda? Verstuur dan de gewijzigde agenda, zodat iedere genodigde die per e-mail
                    krijgt.
                  </p>
                </InfoAlert>
                <Show when={sendAgenda.error()}>
                  <ErrorAlert error={sendAgenda.error()} title="Versturen mislukt" />
                </Show>
                <button
                  type="button"
                  id="send-changed-agenda"
                  class="utrecht-button utrecht-button--primary-action"
                  disabled={sendAgenda.busy()}
                  aria-describedby="agenda-changed"
                  onClick={() => {
                    const onChange = props.onChange;
                    void sendAgenda.run(m().id, m().version).then((updated) => {
                      if (!updated) return;
                      onChange(updated);
                      queueMicrotask(() => document.getElementById("agenda-sent")?.focus());
                    });
                  }}
                >
                  {sendAgenda.busy() ? "Bezig met versturen…" : "Gewijzigde agenda versturen"}
                </button>
              </Show>
            </>
          )}
        </Show>
      </div>
    </Show>
  );
}
