import { createSignal, For, Show } from "solid-js";
import { meetingHasStarted, minutesLocked } from "../../../shared/domain/meetings.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { shortHash } from "../../../shared/domain/textHash.ts";
import type { AmendmentView, MeetingView } from "../../../shared/schemas/meetings.ts";
import { meetingsApi } from "../../api/meetings.ts";
import { ErrorAlert, InfoAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { EditorSlot } from "./EditorSlot.tsx";
import { MinutesStatusBadge } from "./StatusBadge.tsx";
import { formText } from "../../ui/formData.ts";
import { minutesTemplate } from "../../../shared/domain/agendaBuilder.ts";
import { AGENDA_DECISION_LABELS } from "../../../shared/domain/meetings.ts";
import { formatMeetingTime } from "../../../shared/domain/meetingTimes.ts";

/** The minutes' starting text from what the meeting recorded (agenda, attendance, decisions). */
function prefill(m: MeetingView) {
  return minutesTemplate({
    title: m.title,
    typeLabel: m.typeLabel,
    when: formatMeetingTime(m.startsAt, m.endsAt),
    where: [m.place, m.onlineUrl ? "online" : ""].filter(Boolean).join(" en "),
    attendance: m.attendance.map((a) => ({
      name: a.name,
      capacity: a.capacity,
      party: a.party?.name ?? null,
      present: a.present,
    })),
    agenda: m.agenda.map((a) => ({
      position: a.position,
      title: a.title,
      decision: a.decision,
      decisionLabel: a.decision ? AGENDA_DECISION_LABELS[a.decision] : null,
      note: a.decisionNote,
    })),
  });
}

/**
 * The minutes: co-edited live while concept; put to the parties by the secretaris (locked, text
 * hash recorded), approved when every invited party's trekker agrees (or by a later meeting);
 * after approval read-only, changed only through a logged amendment with a reason.
 */
export function MinutesSection(props: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const ws = useWorkspace();
  const m = () => props.meeting;
  const locked = () => minutesLocked(m().minutesStatus);
  const cancelled = () => m().status === "geannuleerd";
  const readOnly = () => locked() || cancelled() || !ws.can("minutes.edit");
  const readOnlyReason = () => {
    if (m().minutesStatus === "ter_vaststelling")
      return "De notulen liggen ter vaststelling bij de partijen en zijn daarom alleen-lezen.";
    if (locked())
      return "De notulen zijn vastgesteld en daarom alleen-lezen. Wijzigen kan alleen via een gelogd amendement van de secretaris.";
    if (cancelled()) return "Deze vergadering is geannuleerd.";
    if (!ws.can("minutes.edit")) return "U kunt de notulen lezen, maar met uw rol niet bewerken.";
    return undefined;
  };
  const openAmendment = () => m().amendments.find((a) => !a.closedAt);
  // The editor reports whether every local edit is durably stored; approving before that would
  // fix a text without the last words the secretary typed.
  const [saveState, setSaveState] = createSignal<string>("connecting");

  return (
    <section class="oogo-section" aria-labelledby="minutes-heading">
      <h2 class="utrecht-heading-2" id="minutes-heading">
        Notulen
      </h2>
      <p class="utrecht-paragraph">
        <MinutesStatusBadge status={m().minutesStatus} />
      </p>

      <Show when={m().minutesStatus === "vastgesteld" && m().minutesApproval}>
        {(approval) => (
          <InfoAlert type="ok">
            <p class="utrecht-paragraph" id="minutes-approval" tabindex="-1">
              <strong>Vastgesteld</strong> op {formatDateTime(approval().approvedAt)} door {approval().approvedBy}.
            </p>
            <p class="utrecht-paragraph">
              Tekstversie:{" "}
              <code class="oogo-hash" title={approval().textHash}>
                {shortHash(approval().textHash)}
              </code>
            </p>
          </InfoAlert>
        )}
      </Show>
      <Show when={m().minutesStatus === "in_wijziging" && openAmendment()}>
        {(a) => (
          <InfoAlert type="warning">
            <p class="utrecht-paragraph" id="minutes-amendment-open" tabindex="-1">
              <strong>Amendement {a().seq} loopt</strong> (geopend door {a().openedBy} op {formatDateTime(a().openedAt)}
              ). Reden: {a().reason}
            </p>
            <p class="utrecht-paragraph">
              De notulen zijn weer te bewerken. Stel ze opnieuw vast om het amendement af te sluiten.
            </p>
          </InfoAlert>
        )}
      </Show>

      <EditorSlot
        documentName={m().minutesDocument}
        label={`Notulen: ${m().title}`}
        comments
        readOnly={readOnly()}
        readOnlyReason={readOnlyReason()}
        onSaveStateChange={setSaveState}
        starter={{ label: "Notulen opzetten uit agenda, aanwezigheid en besluiten", content: () => prefill(m()) }}
      />

      <Show when={m().minutesStatus === "ter_vaststelling" && m().minutesReview}>
        <MinutesReview meeting={m()} onChange={props.onChange} />
      </Show>
      <Show when={ws.can("minutes.approve") && !cancelled() && m().minutesStatus !== "ter_vaststelling"}>
        <Show
          when={locked()}
          fallback={<ApproveMinutes meeting={m()} saveState={saveState()} onChange={props.onChange} />}
        >
          <AmendMinutes meeting={m()} onChange={props.onChange} />
        </Show>
      </Show>

      <Show when={m().amendments.length > 0}>
        <h3 class="utrecht-heading-3">Amendementen (logboek)</h3>
        <ol class="oogo-amendments">
          <For each={m().amendments}>{(a) => <AmendmentEntry amendment={a} />}</For>
        </ol>
      </Show>
    </section>
  );
}

/** The secretaris puts the minutes to the parties, after seeing where they differ from the decisions. */
function ApproveMinutes(props: { meeting: MeetingView; saveState: string; onChange: (m: MeetingView) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [accept, setAccept] = createSignal(false);
  const started = () => meetingHasStarted(props.meeting.startsAt, new Date());
  const again = () => props.meeting.minutesStatus === "in_wijziging";
  const warnings = () => props.meeting.minutesWarnings;
  let confirmButton: HTMLButtonElement | undefined;
  let startButton: HTMLButtonElement | undefined;

  const action = createAction(async (saveState: string, acceptWarnings: boolean) => {
    if (saveState === "unsaved" || saveState === "offline") {
      throw inputError(
        "De laatste wijzigingen in de notulen zijn nog niet opgeslagen. Wacht tot er ‘Opgeslagen’ staat en probeer het opnieuw.",
      );
    }
    // Put forward exactly the text stored now: the server refuses (409) if it changes in between.
    const fresh = await meetingsApi.get(props.meeting.id);
    return meetingsApi.requestMinutesReview(props.meeting.id, { textHash: fresh.minutesHash, acceptWarnings });
  });
  const submit = async () => {
    const updated = await action.run(props.saveState, accept());
    if (updated) {
      setConfirming(false);
      props.onChange(updated);
      queueMicrotask(() => document.getElementById("minutes-review")?.focus());
    }
  };
  return (
    <div class="oogo-panel">
      <Show
        when={started()}
        fallback={
          <p class="utrecht-paragraph oogo-loading">
            De notulen kunnen worden vastgesteld vanaf de aanvang van de vergadering.
          </p>
        }
      >
        <Show when={action.error()}>
          <ErrorAlert error={action.error()} title="Voorleggen mislukt" />
        </Show>
        <Show when={warnings().length > 0}>
          <InfoAlert type="warning">
            <p class="utrecht-paragraph">
              <strong>Notulen en besluiten zeggen niet hetzelfde</strong>
            </p>
            <ul class="utrecht-unordered-list" id="minutes-warnings">
              <For each={warnings()}>{(w) => <li>{w.message}</li>}</For>
            </ul>
          </InfoAlert>
        </Show>
        <Show
          when={confirming()}
          fallback={
            <button
              type="button"
              ref={startButton}
              class="utrecht-button utrecht-button--primary-action"
              onClick={() => {
                setConfirming(true);
                queueMicrotask(() => confirmButton?.focus());
              }}
            >
              {again() ? "Gewijzigde notulen ter vaststelling voorleggen" : "Notulen ter vaststelling voorleggen"}
            </button>
          }
        >
          <p class="utrecht-paragraph" id="approve-warning">
            De notulen gaan op slot en liggen bij de trekker van elke uitgenodigde partij. Zodra alle partijen
            instemmen, zijn ze vastgesteld. Ze kunnen ook in de volgende vergadering als agendapunt worden vastgesteld.
          </p>
          <Show when={warnings().length > 0}>
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                id="accept-warnings"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                checked={accept()}
                onChange={(e) => setAccept(e.currentTarget.checked)}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="accept-warnings">
                Ik heb de verschillen met de besluiten gezien en leg de notulen toch zo voor
              </label>
            </div>
          </Show>
          <div class="oogo-form-actions">
            <button
              type="button"
              ref={confirmButton}
              class="utrecht-button utrecht-button--primary-action"
              aria-describedby="approve-warning"
              disabled={action.busy()}
              onClick={() => void submit()}
            >
              {action.busy() ? "Bezig…" : "Ja, voorleggen aan de partijen"}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle"
              onClick={() => {
                setConfirming(false);
                queueMicrotask(() => startButton?.focus());
              }}
            >
              Annuleren
            </button>
          </div>
        </Show>
      </Show>
    </div>
  );
}

/** Which parties agreed; the trekker agrees for their own party, the secretaris can take the text back. */
function MinutesReview(props: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const ws = useWorkspace();
  const review = () => props.meeting.minutesReview!;
  const myParty = () => ws.workspace()?.party?.id ?? null;
  const mine = () => review().parties.find((p) => p.id === myParty());
  const agree = createAction(() => meetingsApi.agreeMinutes(props.meeting.id, { textHash: review().textHash }));
  const withdraw = createAction(() => meetingsApi.withdrawMinutesReview(props.meeting.id));
  const done = (updated: MeetingView | undefined) => {
    if (updated) {
      props.onChange(updated);
      queueMicrotask(() =>
        document.getElementById(updated.minutesReview ? "minutes-review" : "minutes-heading")?.focus(),
      );
    }
  };
  return (
    <InfoAlert type="warning">
      <p class="utrecht-paragraph" id="minutes-review" tabindex="-1">
        <strong>Ter vaststelling bij de partijen</strong> (tekstkenmerk{" "}
        <code class="oogo-hash">{shortHash(review().textHash)}</code>). Elke partij stemt via haar trekker in.
      </p>
      <ul class="utrecht-unordered-list">
        <For each={review().parties}>
          {(p) => (
            <li>
              {p.name}:{" "}
              {p.agreedBy ? `ingestemd door ${p.agreedBy} op ${formatDateTime(p.agreedAt!)}` : "nog niet ingestemd"}
            </li>
          )}
        </For>
      </ul>
      <Show when={agree.error() ?? withdraw.error()}>
        <ErrorAlert error={agree.error() ?? withdraw.error()} title="Dat lukte niet" />
      </Show>
      <div class="oogo-form-actions">
        <Show when={ws.can("minutes.agree") && mine() && !mine()!.agreedBy}>
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            disabled={agree.busy()}
            onClick={() => void agree.run().then(done)}
          >
            {agree.busy() ? "Bezig…" : `Namens ${mine()!.name} instemmen met deze notulen`}
          </button>
        </Show>
        <Show when={ws.can("minutes.approve")}>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={withdraw.busy()}
            onClick={() => void withdraw.run().then(done)}
          >
            Terugnemen om te wijzigen
          </button>
        </Show>
      </div>
    </InfoAlert>
  );
}

function AmendMinutes(props: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const [open, setOpen] = createSignal(false);
  let openButton: HTMLButtonElement | undefined;
  const action = createAction((reason: string) => {
    if (reason.trim().length < 10)
      throw inputError("Geef de reden van de wijziging (minstens 10 tekens); die komt in het logboek.", "reason");
    return meetingsApi.amendMinutes(props.meeting.id, { reason });
  });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const updated = await action.run(formText(new FormData(e.currentTarget as HTMLFormElement), "reason"));
    if (updated) {
      setOpen(false);
      props.onChange(updated);
      queueMicrotask(() => document.getElementById("minutes-amendment-open")?.focus());
    }
  };
  return (
    <div class="oogo-panel">
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            ref={openButton}
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              setOpen(true);
              queueMicrotask(() => document.getElementById("amend-reason")?.focus());
            }}
          >
            Amendement
          </button>
        }
      >
        <form onSubmit={(e) => void submit(e)} aria-labelledby="amend-heading">
          <h3 class="utrecht-heading-3" id="amend-heading">
            Amendement op vastgestelde notulen
          </h3>
          <ErrorSummary error={action.error()} title="Amendement openen mislukt" />
          <Field
            id="amend-reason"
            label="Reden van de wijziging (verplicht, komt in het logboek)"
            error={fieldError(action.error(), "reason")}
          >
            {(control) => (
              <textarea
                {...control}
                name="reason"
                aria-required="true"
                maxLength={2000}
                rows={3}
                class="utrecht-textarea utrecht-textarea--html-textarea"
              />
            )}
          </Field>
          <div class="oogo-form-actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={action.busy()}>
              {action.busy() ? "Bezig…" : "Amendement openen"}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle"
              onClick={() => {
                setOpen(false);
                queueMicrotask(() => openButton?.focus());
              }}
            >
              Annuleren
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}

function AmendmentEntry(props: { amendment: AmendmentView }) {
  const a = () => props.amendment;
  return (
    <li>
      <p>
        <strong>Amendement {a().seq}</strong> — geopend door {a().openedBy} op {formatDateTime(a().openedAt)}
      </p>
      <p>Reden: {a().reason}</p>
      <p>
        Van tekstversie{" "}
        <code class="oogo-hash" title={a().fromHash}>
          {shortHash(a().fromHash)}
        </code>
        <Show when={a().toHash} fallback={<> — nog niet opnieuw vastgesteld</>}>
          {(to) => (
            <>
              {" "}
              naar{" "}
              <code class="oogo-hash" title={to()}>
                {shortHash(to())}
              </code>
              , vastgesteld door {a().closedBy} op {formatDateTime(a().closedAt!)}
            </>
          )}
        </Show>
      </p>
      <Show when={a().changes && (a().changes!.removed.length > 0 || a().changes!.added.length > 0)}>
        <ul>
          <For each={a().changes!.removed}>
            {(t) => (
              <li class="oogo-diff-removed">
                <span class="oogo-visually-hidden">Verwijderd: </span>
                <span aria-hidden="true">− </span>
                <del>{t}</del>
              </li>
            )}
          </For>
          <For each={a().changes!.added}>
            {(t) => (
              <li class="oogo-diff-added">
                <span class="oogo-visually-hidden">Toegevoegd: </span>
                <span aria-hidden="true">+ </span>
                <ins>{t}</ins>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </li>
  );
}
