import { createSignal, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { Field } from "../../ui/Field.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";

/**
 * "Heropenen": a signed text (or one the meeting agreed on) can only change after a trekker or
 * the secretaris says why. The signatures then stop counting; the signers and trekkers are told.
 * Shown only to whom the server allows it (abilities.reopen).
 */
export function ReopenPanel(props: { point: PointDetail; onChanged: (p: PointDetail | null) => void }) {
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const signers = () =>
    props.point.parties.filter((p) => p.signoff).map((p) => `${p.signoff!.signer.name} (${p.name})`);
  const reopen = createAction(async (point: PointDetail, text: string) => {
    if (text.trim().length < 10) throw inputError("Geef een reden van minstens 10 tekens.", "reason");
    return pointsApi.reopen(point.id, { reason: text.trim(), expectedVersion: point.version });
  });
  const refusal = () => (fieldError(reopen.error(), "reason") ? null : reopen.error());
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const next = await reopen.run(props.point, reason());
    if (next) {
      setOpen(false);
      setReason("");
      props.onChanged(next);
    } else if (refusal()) {
      setOpen(false);
      props.onChanged(null);
    } else document.getElementById("reopen-reason")?.focus();
  };
  return (
    <Show when={props.point.abilities.reopen.ok}>
      <section class="oogo-side-panel" aria-labelledby="reopen-heading">
        <h2 class="utrecht-heading-2" id="reopen-heading">
          Tekst wijzigen
        </h2>
        <Show when={refusal()}>
          <ErrorAlert error={refusal()} title="Niet heropend" />
        </Show>
        <p class="oogo-hint">
          {signers().length > 0
            ? `Deze tekst is ondertekend door ${signers().join(", ")}. Wie hem wil wijzigen, heropent het punt met een reden: de handtekeningen tellen dan niet meer en de ondertekenaars en trekkers krijgen bericht.`
            : "Het bestuurlijk overleg heeft met deze tekst ingestemd. Wie hem wil wijzigen, heropent het punt met een reden; het gaat dan terug naar de ambtelijke bespreking."}
        </p>
        <Show
          when={open()}
          fallback={
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                reopen.reset();
                setOpen(true);
              }}
            >
              Heropenen
            </button>
          }
        >
          <form class="oogo-form-box" onSubmit={(e) => void submit(e)} novalidate aria-label="Heropenen">
            <Field
              id="reopen-reason"
              label="Waarom moet de tekst veranderen?"
              error={fieldError(reopen.error(), "reason")}
            >
              {(control) => (
                <textarea
                  {...control}
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  maxLength={2000}
                  value={reason()}
                  ref={(el) => queueMicrotask(() => el.focus())}
                  onInput={(e) => {
                    setReason(e.currentTarget.value);
                    if (fieldError(reopen.error(), "reason")) reopen.reset();
                  }}
                />
              )}
            </Field>
            <div class="utrecht-button-group">
              <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={reopen.busy()}>
                {reopen.busy() ? "Bezig…" : "Heropenen en handtekeningen laten vervallen"}
              </button>
              <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setOpen(false)}>
                Annuleren
              </button>
            </div>
          </form>
        </Show>
      </section>
    </Show>
  );
}
