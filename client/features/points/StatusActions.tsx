import { createMemo, createSignal, Index, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { ApiRequestError } from "../../api/http.ts";
import { POINT_STATUS_INFO, transitionOptions, type PointFacts, type TransitionActor, type TransitionOption } from "../../../shared/domain/pointStatus.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import type { WorkspaceView } from "../../../shared/schemas/workspace.ts";
import { ErrorAlert, InfoAlert } from "../../ui/feedback.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

/** The facts the shared workflow rules need, from the point as the server presented it. */
export function pointFacts(point: PointDetail): PointFacts {
  return {
    parties: point.parties.map((p) => ({ partyId: p.id, name: p.name, kind: p.kind, stance: p.effectiveStance, signed: p.signoff !== null })),
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
export function StatusActions(props: { point: PointDetail; workspace: WorkspaceView; onChanged: (p: PointDetail | null) => void }) {
  const options = createMemo(() => transitionOptions(props.point.status, actorOf(props.workspace), pointFacts(props.point)));
  const [open, setOpen] = createSignal<TransitionOption["to"] | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  // A confirmation belongs to the version our step produced; once the point moves on, it goes.
  const [done, setDone] = createSignal<{ text: string; version: number } | null>(null);
  const doneText = () => (done()?.version === props.point.version ? done()!.text : null);

  return (
    <section class="oogo-side-panel" aria-labelledby="actions-heading">
      <h2 class="utrecht-heading-2" id="actions-heading">Status</h2>
      <p style={{ margin: "0 0 12px" }}><StatusBadge status={props.point.status} large /></p>
      <Show when={error()}>
        <ErrorAlert error={error()} title="Status niet gewijzigd" />
        <Show when={error() instanceof ApiRequestError && (error() as ApiRequestError).status === 409}>
          <p class="oogo-hint" role="status">Het punt is opnieuw geladen; hierboven ziet u de actuele stand.</p>
        </Show>
      </Show>
      <Show when={doneText()}><InfoAlert type="ok"><p class="utrecht-paragraph">{doneText()}</p></InfoAlert></Show>
      <Show when={options().length > 0} fallback={<p class="oogo-hint">Met uw rol zijn er bij deze status geen stappen die u zelf zet.</p>}>
        <ul class="oogo-actions">
          {/* Index, not For: a live refetch yields new option objects; the DOM (and a half-typed reason) must survive. */}
          <Index each={options()}>
            {(option) => { const o = () => option(); return (
              <li class="oogo-action">
                <Show
                  when={open() === o().to}
                  fallback={
                    <>
                      <button type="button" class="utrecht-button utrecht-button--secondary-action"
                        disabled={!o().ok} aria-describedby={o().ok ? undefined : `why-${o().to}`}
                        onClick={() => { setError(null); setDone(null); setOpen(o().to); }}>
                        {o().action}
                      </button>
                      <Show when={!o().ok && o().reason}>
                        <p class="oogo-action__why" id={`why-${o().to}`}>{o().reason}</p>
                      </Show>
                    </>
                  }
                >
                  <TransitionForm point={props.point} option={o()}
                    onCancel={() => setOpen(null)}
                    onDone={(next) => { setOpen(null); setDone({ text: `${o().action}: de status is nu “${next.status === o().to ? o().label : POINT_STATUS_INFO[next.status].label}”.`, version: next.version }); props.onChanged(next); }}
                    onError={(err) => {
                      setError(err);
                      setOpen(null);
                      if (err instanceof ApiRequestError && err.status === 409) props.onChanged(null);
                    }} />
                </Show>
              </li>
            ); }}
          </Index>
        </ul>
      </Show>
    </section>
  );
}

function TransitionForm(props: { point: PointDetail; option: TransitionOption; onCancel: () => void; onDone: (p: PointDetail) => void; onError: (err: unknown) => void }) {
  const [reason, setReason] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [touched, setTouched] = createSignal(false);
  const problem = () => (reason().trim().length < 3 ? "Geef een reden (minstens 3 tekens)." : null);
  const id = () => `reason-${props.option.to}`;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem()) return;
    setBusy(true);
    try {
      props.onDone(await pointsApi.transition(props.point.id, { to: props.option.to, reason: reason().trim(), expectedVersion: props.point.version }));
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="oogo-form-box" style={{ "margin-top": "0" }} onSubmit={(e) => void submit(e)} novalidate aria-label={props.option.action}>
      <p style={{ margin: "0 0 8px", "font-weight": "700" }}>{props.option.action}</p>
      <p class="oogo-hint">Nieuwe status: {props.option.label}. De reden komt in het logboek.</p>
      <div class={`utrecht-form-field${touched() && problem() ? " utrecht-form-field--invalid" : ""}`}>
        <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={id()}>Reden</label></div>
        <div class="utrecht-form-field__input">
          <textarea id={id()} class="utrecht-textarea utrecht-textarea--html-textarea" maxLength={4000} value={reason()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setReason(e.currentTarget.value)}
            aria-invalid={touched() && problem() ? "true" : undefined} aria-describedby={touched() && problem() ? `${id()}-error` : undefined} />
        </div>
        <Show when={touched() && problem()}><p class="utrecht-form-field-error-message" id={`${id()}-error`}>{problem()}</p></Show>
      </div>
      <div class="utrecht-button-group">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()}>{busy() ? "Bezig…" : "Bevestigen"}</button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>Annuleren</button>
      </div>
    </form>
  );
}
