import { createSignal, For, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { ApiRequestError } from "../../api/http.ts";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import type { PartyView, ThemeView } from "../../../shared/schemas/workspace.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";

/**
 * "Nieuw punt" for the ambtelijke werkgroep (point.manage): theme, title, which gemeenten it
 * concerns (default all; the SWV is always in scope), optional term and opening text.
 */
export function NewPointForm(props: { workspaceId: string; themes: ThemeView[]; parties: PartyView[]; initialTheme?: string; onCreated(p: PointDetail): void; onCancel(): void }) {
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [allGemeenten, setAllGemeenten] = createSignal(true);
  const gemeenten = () => props.parties.filter((p) => p.kind === "gemeente");
  const fieldError = (field: string) => {
    const e = error();
    return e instanceof ApiRequestError && e.field === field ? e.message : null;
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const scope = allGemeenten() ? null : form.getAll("scope").map(String);
    if (scope && scope.length === 0) {
      setError(new ApiRequestError(400, "VALIDATION_FAILED", "Kies ten minste één gemeente, of kies ‘Alle gemeenten’.", "scope"));
      return;
    }
    const term = String(form.get("termMonths") ?? "").trim();
    const text = String(form.get("text") ?? "");
    setBusy(true);
    setError(null);
    try {
      const created = await pointsApi.create(props.workspaceId, {
        theme: String(form.get("theme") ?? ""),
        title: String(form.get("title") ?? ""),
        scope,
        termMonths: term ? Number(term) : null,
        ...(text.trim() ? { text } : {}),
      });
      props.onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="oogo-new-point utrecht-form" onSubmit={submit} aria-labelledby="new-point-heading" novalidate>
      <h2 class="utrecht-heading-2" id="new-point-heading" style={{ "margin-top": "0" }}>Nieuw overeenstemmingspunt</h2>
      <Show when={error()}><ErrorAlert error={error()} title="Punt niet aangemaakt" /></Show>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="np-theme">Thema</label></div>
        <div class="utrecht-form-field__input">
          <select id="np-theme" name="theme" required class="utrecht-select utrecht-select--html-select" value={props.initialTheme ?? props.themes.find((t) => !t.archived)?.key ?? ""}>
            <For each={props.themes.filter((t) => !t.archived)}>{(t) => <option value={t.key}>{t.label}</option>}</For>
          </select>
        </div>
      </div>
      <div class={`utrecht-form-field${fieldError("title") ? " utrecht-form-field--invalid" : ""}`}>
        <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="np-title">Titel</label></div>
        <p class="oogo-hint" id="np-title-hint">Kort en concreet, bijvoorbeeld “Thuiszitters binnen drie maanden een passend aanbod”.</p>
        <div class="utrecht-form-field__input">
          <input id="np-title" name="title" required minLength={3} maxLength={200} aria-describedby="np-title-hint" aria-invalid={fieldError("title") ? "true" : undefined}
            class="utrecht-textbox utrecht-textbox--html-input" />
        </div>
      </div>
      <fieldset class={`utrecht-form-fieldset oogo-form-box${fieldError("scope") ? " utrecht-form-fieldset--invalid" : ""}`} style={{ background: "transparent" }}>
        <legend class="utrecht-form-fieldset__legend">Voor welke gemeenten geldt dit punt?</legend>
        <p class="oogo-hint">Het samenwerkingsverband is altijd partij.</p>
        <ul class="oogo-checks">
          <li><label><input type="radio" name="scopeMode" class="utrecht-radio-button utrecht-radio-button--html-input" checked={allGemeenten()} onChange={() => setAllGemeenten(true)} /> Alle gemeenten</label></li>
          <li><label><input type="radio" name="scopeMode" class="utrecht-radio-button utrecht-radio-button--html-input" checked={!allGemeenten()} onChange={() => setAllGemeenten(false)} /> Alleen de gekozen gemeenten</label></li>
        </ul>
        <Show when={!allGemeenten()}>
          <ul class="oogo-checks" style={{ "margin-top": "10px" }}>
            <For each={gemeenten()}>
              {(g) => <li><label><input type="checkbox" name="scope" value={g.id} class="utrecht-checkbox utrecht-checkbox--html-input" /> {g.name}</label></li>}
            </For>
          </ul>
        </Show>
      </fieldset>
      <div class="utrecht-form-field" style={{ "margin-top": "var(--oogo-space)" }}>
        <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="np-term">Looptijd in maanden (optioneel)</label></div>
        <p class="oogo-hint" id="np-term-hint">Bijvoorbeeld 12 voor een afspraak die na een jaar wordt geëvalueerd.</p>
        <div class="utrecht-form-field__input">
          <input id="np-term" name="termMonths" type="number" min="1" max="120" inputMode="numeric" aria-describedby="np-term-hint"
            class="utrecht-textbox utrecht-textbox--html-input" style={{ "max-width": "8rem" }} />
        </div>
      </div>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="np-text">Begintekst (optioneel)</label></div>
        <p class="oogo-hint" id="np-text-hint">Daarna schrijft de werkgroep samen verder in de editor van het punt. Een witregel begint een nieuwe alinea.</p>
        <div class="utrecht-form-field__input">
          <textarea id="np-text" name="text" rows="4" maxLength={20000} aria-describedby="np-text-hint" class="utrecht-textarea utrecht-textarea--html-textarea" style={{ width: "100%", "max-width": "48rem" }} />
        </div>
      </div>
      <div class="utrecht-button-group">
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()} aria-busy={busy() ? "true" : undefined}>
          {busy() ? "Bezig met aanmaken…" : "Punt aanmaken"}
        </button>
        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => props.onCancel()}>Annuleren</button>
      </div>
    </form>
  );
}
