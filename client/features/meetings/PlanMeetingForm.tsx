import { createSignal, For, onMount } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingType } from "../../../shared/domain/meetings.ts";
import { nlLocalToInstant, todayInNl } from "../../../shared/domain/dates.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { formText } from "../../ui/formData.ts";
import { fieldError, inputError } from "../../ui/inputErrors.ts";

/** The secretary plans a meeting: type, title, date and time (Dutch time), place, invited parties. */
export function PlanMeetingForm(props: { onCancel: () => void }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [type, setType] = createSignal<MeetingType>("formeel_oogo");
  const [title, setTitle] = createSignal(MEETING_TYPE_LABELS.formeel_oogo);
  // Follow the chosen type in the title until the secretary writes a title of their own.
  const [titleTouched, setTitleTouched] = createSignal(false);
  const parties = () => ws.workspace()?.parties ?? [];
  const [invited, setInvited] = createSignal<Set<string>>(new Set(parties().map((p) => p.id)));

  const chooseType = (t: MeetingType) => {
    setType(t);
    if (!titleTouched()) setTitle(MEETING_TYPE_LABELS[t]);
  };
  const toggleParty = (id: string, on: boolean) => {
    const next = new Set(invited());
    if (on) next.add(id);
    else next.delete(id);
    setInvited(next);
  };

  let typeSelect!: HTMLSelectElement;
  onMount(() => typeSelect.focus());

  const plan = createAction((form: FormData) => {
    if (invited().size === 0) throw inputError("Nodig ten minste één partij uit.");
    return meetingsApi.create(ws.id(), {
      type: type(),
      title: title(),
      startsAt: nlLocalToInstant(formText(form, "date"), formText(form, "time")),
      endsAt: nlLocalToInstant(formText(form, "date"), formText(form, "endTime")),
      ...(formText(form, "place").trim() ? { place: formText(form, "place") } : {}),
      ...(formText(form, "onlineUrl").trim() ? { onlineUrl: formText(form, "onlineUrl").trim() } : {}),
      invitedPartyIds: parties()
        .map((p) => p.id)
        .filter((id) => invited().has(id)),
    });
  });
  const err = (field: string) => fieldError(plan.error(), field);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const created = await plan.run(new FormData(e.currentTarget as HTMLFormElement));
    if (created) navigate(`/tafels/${encodeURIComponent(ws.id())}/vergaderingen/${encodeURIComponent(created.id)}`);
  };

  return (
    <form class="oogo-panel" onSubmit={(e) => void submit(e)} aria-labelledby="plan-heading">
      <h2 class="utrecht-heading-2" id="plan-heading">
        Vergadering plannen
      </h2>
      <ErrorSummary error={plan.error()} title="Plannen mislukt" />
      <div class="oogo-form-grid">
        <Field id="plan-type" label="Soort overleg" error={err("type")}>
          {(control) => (
            <select
              {...control}
              ref={typeSelect}
              class="utrecht-select utrecht-select--html-select"
              value={type()}
              onChange={(e) => chooseType(e.currentTarget.value as MeetingType)}
            >
              <For each={[...MEETING_TYPES]}>{(t) => <option value={t}>{MEETING_TYPE_LABELS[t]}</option>}</For>
            </select>
          )}
        </Field>
        <Field id="plan-title" label="Titel" error={err("title")}>
          {(control) => (
            <input
              {...control}
              name="title"
              required
              minLength={3}
              maxLength={200}
              class="utrecht-textbox utrecht-textbox--html-input"
              value={title()}
              onInput={(e) => {
                setTitle(e.currentTarget.value);
                setTitleTouched(true);
              }}
            />
          )}
        </Field>
        <Field id="plan-date" label="Datum" error={err("startsAt")}>
          {(control) => (
            <input
              {...control}
              name="date"
              type="date"
              required
              value={todayInNl(new Date())}
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="plan-time" label="Aanvang (Nederlandse tijd)">
          {(control) => (
            <input
              {...control}
              name="time"
              type="time"
              required
              value="14:00"
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field id="plan-end" label="Einde (Nederlandse tijd)" error={err("endsAt")}>
          {(control) => (
            <input
              {...control}
              name="endTime"
              type="time"
              required
              value="16:00"
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field
          id="plan-online"
          label="Link naar de online vergadering (niet verplicht)"
          hint="Begint met https://, bijvoorbeeld een Teams- of Zoom-link."
          error={err("onlineUrl")}
          class="oogo-span-all"
        >
          {(control) => (
            <input
              {...control}
              name="onlineUrl"
              type="url"
              maxLength={500}
              autocomplete="off"
              class="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Field
          id="plan-place"
          label="Plaats"
          hint="Leeg laten kan bij een vergadering die alleen online is."
          error={err("place")}
          class="oogo-span-all"
        >
          {(control) => (
            <input
              {...control}
              name="place"
              minLength={2}
              maxLength={200}
              autocomplete="off"
              class="utrecht-textbox utrecht-textbox--html-input"
              placeholder="bijv. Stadhuis Groningen, raadzaal"
            />
          )}
        </Field>
      </div>
      <fieldset class="oogo-fieldset">
        <legend>Uitgenodigde partijen</legend>
        <For each={parties()}>
          {(p) => (
            <div class="oogo-checkbox-row">
              <input
                type="checkbox"
                id={`plan-party-${p.id}`}
                checked={invited().has(p.id)}
                onChange={(e) => toggleParty(p.id, e.currentTarget.checked)}
              />
              <label for={`plan-party-${p.id}`}>{p.name}</label>
            </div>
          )}
        </For>
      </fieldset>
      <div class="oogo-form-actions">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          disabled={plan.busy()}
          aria-disabled={plan.busy()}
        >
          {plan.busy() ? "Bezig met plannen…" : "Vergadering plannen"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
