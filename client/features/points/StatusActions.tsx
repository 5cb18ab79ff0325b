import { createMemo, createSignal, Index, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { ApiRequestError } from "../../api/http.ts";
import {
  POINT_STATUS_INFO,
  transitionOptions,
  type PointFacts,
  type TransitionActor,
  type TransitionOption,
} from "../../../shared/domain/pointStatus.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import type { WorkspaceView } from "../../../shared/schemas/workspace.ts";
import { ErrorAlert, InfoAlert } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { Field } from "../../ui/Field.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/** The facts the shared workflow rules need, from the point as the server presented it. */
export function pointFacts(point: PointDetail): PointFacts {
  return {
    parties: point.parties.map((p) => ({
      partyId: p.id,
      name: p.name,
      kind: p.kind,
      stance: p.effectiveStance,
      signed: p.signoff !== null,
    })),
  };
}

export function actorOf(w: WorkspaceView): TransitionActor {
  const party = w.party ? w.parties.find((p) => p.id === w.party!.id) : undefined;
  return { role: w.role, partyId: w.party?.id ?? null, partyKind: party?.kind ?? null };
}

/**
 * The status steps this member may take, computed with the same shared rules the server
 * applies: enabled when allowed now, disabled with the reason when the role holds the step but
 * its condition does not hold yet. The server still decides; a 409 shows its message and refreshes.
 */
export function StatusActions(props: {
  point: PointDetail;
  workspace: WorkspaceView;
  onChanged: (p: PointDetail | null) => void;
}) {
  const options = createMemo(() =>
    transitionOptions(props.point.status, actorOf(props.workspace), pointFacts(props.point)),
  );
  const [open, setOpen] = createSignal<TransitionOption["to"] | null>(null);
  // The point as the member saw it when confirming: its version is what the server checks.
  const transition = createAction(async (point: PointDetail, option: TransitionOption, reason: string) => {
    if (reason.trim().length < 3) throw inputError("Geef een reden (minstens 3 tekens).", "reason");
    const next = await pointsApi.transition(point.id, {
      to: option.to,
      reason: reason.trim(),
      expectedVersion: point.version,
    });
    return {
      next,
      text: `${option.action}: de status is nu “${next.status === option.to ? option.label : POINT_STATUS_INFO[next.status].label}”.`,
    };
  });
  // An error about the reason stays in the form; any other closes it and shows here.
  const refusal = () => (fieldError(transition.error(), "reason") ? null : transition.error());
  const conflict = () => refusal() instanceof ApiRequestError && (refusal() as ApiRequestError).status === 409;
  // A confirmation belongs to the version our step produced; once the point moves on, it goes.
  const doneText = () => (transition.result()?.next.version === props.point.version ? transition.result()!.text : null);

  const confirm = async (option: TransitionOption, reason: string) => {
    const done = await transition.run(props.point, option, reason);
    if (done) {
      setOpen(null);
      props.onChanged(done.next);
    } else if (refusal()) {
      setOpen(null);
      if (conflict()) props.onChanged(null);
    } else {
      document.getElementById(`reason-${option.to}`)?.focus();
    }
  };

  return (
    <section class="oogo-side-panel" aria-labelledby="actions-heading">
      <h2 class="utrecht-heading-2" id="actions-heading">
        Status
      </h2>
      <p style={{ margin: "0 0 12px" }}>
        <StatusBadge status={props.point.status} large />
      </p>
      <Show when={refusal()}>
        <ErrorAlert error={refusal()} title="Status niet gewijzigd" />
        <Show when={conflict()}>
          <p class="oogo-hint" role="status">
            Het punt is opnieuw geladen; hierboven ziet u de actuele stand.
          </p>
        </Show>
      </Show>
      <Show when={doneText()}>
        <InfoAlert type="ok">
          <p class="utrecht-paragraph">{doneText()}</p>
        </InfoAlert>
      </Show>
      <Show
        when={options().length > 0}
        fallback={<p class="oogo-hint">Met uw rol zijn er bij deze status geen stappen die u zelf zet.</p>}
      >
        <ul class="oogo-actions">
          {/* Index, not For: a live refetch yields new option objects; the DOM (and a half-typed reason) must survive. */}
          <Index each={options()}>
            {(option) => {
              const o = () => option();
              return (
                <li class="oogo-action">
                  <Show
                    when={open() === o().to}
                    fallback={
                      <>
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--secondary-action"
                          disabled={!o().ok}
                          aria-describedby={o().ok ? undefined : `why-${o().to}`}
                          onClick={() => {
                            transition.reset();
                            setOpen(o().to);
                          }}
                        >
                          {o().action}
                        </button>
                        <Show when={!o().ok && o().reason}>
                          <p class="oogo-action__why" id={`why-${o().to}`}>
                            {o().reason}
                          </p>
                        </Show>
                      </>
                    }
                  >
                    <TransitionForm
                      option={o()}
                      busy={transition.busy()}
                      reasonError={fieldError(transition.error(), "reason")}
                      onCancel={() => {
                        transition.reset();
                        setOpen(null);
                      }}
                      onEdit={() => fieldError(transition.error(), "reason") && transition.reset()}
                      onConfirm={(reason) => void confirm(o(), reason)}
                    />
                  </Show>
                </li>
              );
            }}
          </Index>
        </ul>
      </Show>
    </section>
  );
}

function TransitionForm(props: {
  option: TransitionOption;
  busy: boolean;
  reasonError: string | undefined;
  onCancel: () => void;
  onEdit: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = createSignal("");
  const id = () => `reason-${props.option.to}`;
  return (
    <form
      class="oogo-form-box"
      style={{ "margin-top": "0" }}
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm(reason());
      }}
      novalidate
      aria-label={props.option.action}
    >
      <p style={{ margin: "0 0 8px", "font-weight": "700" }}>{props.option.action}</p>
      <p class="oogo-hint">Nieuwe status: {props.option.label}. De reden komt in het logboek.</p>
      <Field id={id()} label="Reden" error={props.reasonError}>
        {(control) => (
          <textarea
            {...control}
            class="utrecht-textarea utrecht-textarea--html-textarea"
            maxLength={4000}
            value={reason()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              props.onEdit();
            }}
          />
        )}
      </Field>
      <div class="utrecht-button-group">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={props.busy}>
          {props.busy ? "Bezig…" : "Bevestigen"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
