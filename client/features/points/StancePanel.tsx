import { createSignal, For, Show, untrack } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { ApiRequestError } from "../../api/http.ts";
import {
  STANCES,
  REASONING_MAX,
  REASONING_MIN,
  reasoningProblem,
  reasoningRequired,
  type Stance,
} from "../../../shared/domain/stances.ts";
import type { PartyInScopeView, PointDetail } from "../../../shared/schemas/points.ts";
import { InfoAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { StatusGroupIcon } from "./StatusBadge.tsx";
import { kenmerk, STANCE_GROUP, stanceLabel } from "./format.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";

/**
 * The position of every party in scope on the current text, with reasoning and who recorded
 * it when; plus, for the trekker of a party in scope, the form to record that party's stance.
 */
export function StancePanel(props: {
  point: PointDetail;
  myPartyId: string | null;
  canRecord: boolean;
  onChanged: (p: PointDetail | null) => void;
}) {
  const mine = () => props.point.parties.find((p) => p.id === props.myPartyId) ?? null;
  return (
    <section aria-labelledby="stances-heading">
      <h2 class="utrecht-heading-2" id="stances-heading">
        Standpunten van de partijen
      </h2>
      <p class="oogo-hint">
        Een standpunt geldt voor de tekst waarop het is gegeven. Na een wijziging van de tekst telt het niet meer mee.
      </p>
      <ul class="oogo-stances">
        <For each={props.point.parties}>{(party) => <StanceCard party={party} />}</For>
      </ul>
      <Show when={props.point.abilities.recordStance.ok && mine()}>
        {(party) => (
          // A changed text starts a new form: a draft about the old text must not carry over.
          <Show when={props.point.textHash} keyed>
            <StanceForm point={props.point} party={party()} onChanged={props.onChanged} />
          </Show>
        )}
      </Show>
      <Show
        when={
          props.canRecord &&
          !props.point.abilities.recordStance.ok &&
          mine() &&
          props.point.abilities.recordStance.reason
        }
      >
        <p class="oogo-hint" style={{ "margin-top": "10px" }}>
          Standpunt vastleggen voor {mine()!.name} kan nu niet: {props.point.abilities.recordStance.reason}
        </p>
      </Show>
    </section>
  );
}

function StanceCard(props: { party: PartyInScopeView }) {
  const s = () => props.party.stance;
  const effective = () => props.party.effectiveStance;
  return (
    <li class={`oogo-stance oogo-stance--${effective()}`}>
      <div class="oogo-stance__head">
        <span class="oogo-stance__party">{props.party.name}</span>
        <span class="oogo-stance__value">
          <span class={`oogo-tone--${STANCE_GROUP[effective()]}`}>
            <StatusGroupIcon group={STANCE_GROUP[effective()]} />
          </span>
          {stanceLabel(effective())}
        </span>
      </div>
      <Show when={s()} fallback={<p class="oogo-stance__meta">Nog geen standpunt vastgelegd.</p>}>
        {(stance) => (
          <>
            <Show when={!stance().isCurrent}>
              <p class="oogo-stance__stale">
                ⚠ Eerder standpunt “{stanceLabel(stance().stance)}” gold voor een vorige tekst (kenmerk{" "}
                <span class="oogo-hash">{kenmerk(stance().textHash)}</span>) en telt niet meer.
              </p>
            </Show>
            <Show when={stance().reasoning}>
              <p class="oogo-stance__reason">{stance().reasoning}</p>
            </Show>
            <p class="oogo-stance__meta">
              Vastgelegd door {stance().recordedBy.name} op {formatDateTime(stance().recordedAt)}
              {" · "}
              {stance().isCurrent ? <>op de huidige tekst</> : <>op een eerdere tekst</>} (kenmerk{" "}
              <span class="oogo-hash">{kenmerk(stance().textHash)}</span>)
            </p>
          </>
        )}
      </Show>
      {/* keyed: a voided signature becomes null in place on a live refresh (see SignoffOverview). */}
      <Show when={props.party.signoff} keyed>
        {(sig) => (
          <p class="oogo-stance__signed">
            <strong>Ondertekend</strong> door {sig.signer.name}
            {sig.signerTitle ? `, ${sig.signerTitle}` : ""} op {formatDateTime(sig.signedAt)}
          </p>
        )}
      </Show>
    </li>
  );
}

function StanceForm(props: {
  point: PointDetail;
  party: PartyInScopeView;
  onChanged: (p: PointDetail | null) => void;
}) {
  // A draft: it starts from the party's stance on THIS text, or empty — never from a stance on an
  // earlier text (one click would re-confirm an outdated opinion; typing would append to someone
  // else's reasoning). That earlier stance is shown beside the form, read-only. Live updates do
  // not overwrite what is being typed.
  const current = untrack(() => (props.party.stance?.isCurrent ? props.party.stance : null));
  const earlier = () => (props.party.stance && !props.party.stance.isCurrent ? props.party.stance : null);
  const [stance, setStance] = createSignal<Stance | null>(current?.stance ?? null);
  const [reasoning, setReasoning] = createSignal(current?.reasoning ?? "");
  const problem = () => {
    const s = stance();
    return s ? reasoningProblem(s, reasoning()) : null;
  };
  // After a first attempt the reasoning is checked as the trekker types.
  const [touched, setTouched] = createSignal(false);
  const record = createAction(async (point: PointDetail, chosen: Stance | null, text: string) => {
    if (!chosen) throw inputError("Kies een standpunt.", "stance");
    const wrong = reasoningProblem(chosen, text);
    if (wrong) throw inputError(wrong, "reasoning");
    const next = await pointsApi.recordStance(point.id, {
      stance: chosen,
      reasoning: text,
      expectedVersion: point.version,
      textHash: point.textHash,
    });
    return { point: next, text: `Standpunt “${stanceLabel(chosen)}” van ${props.party.name} is vastgelegd.` };
  });
  // The confirmation belongs to the version our stance produced; once the point moves on, it goes.
  const doneText = () => (record.result()?.point.version === props.point.version ? record.result()!.text : null);
  const reasoningError = () => (touched() ? problem() : null) ?? fieldError(record.error(), "reasoning");

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTouched(true);
    const done = await record.run(props.point, stance(), reasoning());
    if (done) props.onChanged(done.point);
    // A conflict means someone else moved first: show their version.
    else if (record.error() instanceof ApiRequestError && (record.error() as ApiRequestError).status === 409)
      props.onChanged(null);
  };

  return (
    <form class="oogo-form-box" onSubmit={(e) => void submit(e)} aria-labelledby="stance-form-heading" novalidate>
      <h3 class="utrecht-heading-3" id="stance-form-heading" style={{ "margin-top": "0" }}>
        Standpunt van {props.party.name} vastleggen
      </h3>
      <p class="oogo-hint">
        U legt het ambtelijk standpunt vast op de huidige tekst (tekstversie {props.point.textVersionNumber}, kenmerk{" "}
        <span class="oogo-hash">{kenmerk(props.point.textHash)}</span>).
      </p>
      <ErrorSummary error={record.error()} title="Standpunt niet vastgelegd" />
      <Show when={doneText()}>
        <InfoAlert type="ok">
          <p class="utrecht-paragraph">{doneText()}</p>
        </InfoAlert>
      </Show>
      <Show when={earlier()}>
        {(prev) => (
          <aside class="oogo-stance-earlier" aria-labelledby="stance-earlier-heading">
            <h4 class="utrecht-heading-4" id="stance-earlier-heading">
              Eerder standpunt, op een vorige tekst
            </h4>
            <p class="utrecht-paragraph">
              <strong>{stanceLabel(prev().stance)}</strong> — vastgelegd door {prev().recordedBy.name} op{" "}
              {formatDateTime(prev().recordedAt)}, op de tekst met kenmerk{" "}
              <span class="oogo-hash">{kenmerk(prev().textHash)}</span>. Het telt niet meer: de tekst is sindsdien
              gewijzigd.
            </p>
            <Show when={prev().reasoning}>
              <blockquote class="oogo-stance__reason">{prev().reasoning}</blockquote>
            </Show>
          </aside>
        )}
      </Show>
      <fieldset
        class="utrecht-form-fieldset"
        style={{ border: "0", padding: "0", margin: "0 0 12px" }}
        id="stance"
        tabindex="-1"
        aria-invalid={fieldError(record.error(), "stance") ? "true" : undefined}
      >
        <legend class="utrecht-form-fieldset__legend" style={{ "font-weight": "600" }}>
          Standpunt
        </legend>
        <ul class="oogo-radio-list">
          <For each={[...STANCES]}>
            {(s) => (
              <li>
                <label>
                  <input
                    type="radio"
                    name="stance"
                    value={s}
                    class="utrecht-radio-button utrecht-radio-button--html-input"
                    checked={stance() === s}
                    onChange={() => {
                      setStance(s);
                      if (fieldError(record.error(), "stance")) record.reset();
                    }}
                  />
                  <span class={`oogo-tone--${STANCE_GROUP[s]}`}>
                    <StatusGroupIcon group={STANCE_GROUP[s]} />
                  </span>
                  {stanceLabel(s)}
                </label>
              </li>
            )}
          </For>
        </ul>
      </fieldset>
      <Field
        id="stance-reasoning"
        label={`Toelichting${stance() && reasoningRequired(stance()!) ? ` (verplicht, minstens ${REASONING_MIN} tekens)` : " (optioneel)"}`}
        error={reasoningError()}
      >
        {(control) => (
          <textarea
            {...control}
            class="utrecht-textarea utrecht-textarea--html-textarea"
            maxLength={REASONING_MAX}
            value={reasoning()}
            onInput={(e) => {
              setReasoning(e.currentTarget.value);
              if (fieldError(record.error(), "reasoning")) record.reset();
            }}
          />
        )}
      </Field>
      <button
        type="submit"
        class="utrecht-button utrecht-button--primary-action"
        disabled={record.busy()}
        aria-busy={record.busy() ? "true" : undefined}
      >
        {record.busy() ? "Bezig…" : "Standpunt vastleggen"}
      </button>
    </form>
  );
}
