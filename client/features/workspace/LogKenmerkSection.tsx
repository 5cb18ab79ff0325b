import { createResource, createSignal, Show } from "solid-js";
import { brokenEventsLabel, parseLogKenmerk } from "../../../shared/domain/logWitness.ts";
import type { LogVerdictView } from "../../../shared/schemas/log.ts";
import { workspaceApi } from "../../api/endpoints.ts";
import { InfoAlert, Loaded } from "../../ui/feedback.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { useWorkspace } from "./WorkspaceContext.tsx";

type Witness = NonNullable<LogVerdictView["witness"]>;

/** Dutch verdict on a kept kenmerk, for a civil servant rather than a technician. */
function witnessMessage(w: Witness, v: LogVerdictView): { ok: boolean; text: string } {
  const when = w.at ? ` van ${formatDateTime(w.at)}` : "";
  switch (w.problem) {
    case null:
      return {
        ok: true,
        text: `In orde. Het logboek bouwt voort op dit kenmerk (de stand${when}, gebeurtenis ${w.count}): sindsdien is er niets weggelaten of herschreven.`,
      };
    case "fewer_events":
      return {
        ok: false,
        text: `Niet in orde. Dit kenmerk noemt ${w.count} gebeurtenissen, maar het logboek heeft er nu ${v.events}. Er zijn gebeurtenissen weggelaten, of het kenmerk hoort bij een andere tafel. Meld dit aan het secretariaat.`,
      };
    case "hash_differs":
      return {
        ok: false,
        text: "Niet in orde. Dit kenmerk komt niet voor in het logboek van deze tafel. Controleer of u het goed hebt overgenomen en of het bij deze tafel hoort; klopt dat, dan is de geschiedenis achteraf herschreven. Meld dit aan het secretariaat.",
      };
    case "chain_broken":
      return {
        ok: false,
        text: `Niet in orde. Het kenmerk komt voor, maar het logboek klopt niet meer bij ${brokenEventsLabel(v.breaks.map((b) => b.seq))}. Meld dit aan het secretariaat.`,
      };
  }
}

/**
 * "Kenmerk bewaren": the head of the tafel's log as a short kenmerk a person can keep, and a
 * check whether the log still extends a kenmerk kept earlier. Anyone who keeps one is a witness
 * of the log: deleting or rewriting history afterwards is caught against it.
 */
export function LogKenmerkSection() {
  const ws = useWorkspace();
  // Not live: the kenmerk is a stand someone keeps; it changes when they ask for the current one.
  const [current, { refetch }] = createResource(
    () => ws.id(),
    (id) => workspaceApi.verifyLog(id),
  );
  const [copyStatus, setCopyStatus] = createSignal("");
  const [input, setInput] = createSignal("");
  const check = createAction(async (typed: string) => {
    const kept = parseLogKenmerk(typed);
    if (!kept) {
      throw inputError(
        "Dit is geen geldig kenmerk. Een kenmerk ziet eruit als L-1234-9F3A-2C7B-01D4-E5A6: een L, het aantal gebeurtenissen en vier groepen van vier tekens (0–9, A–F).",
        "kenmerk",
      );
    }
    const verdict = await workspaceApi.verifyLog(ws.id(), kept);
    return witnessMessage(verdict.witness!, verdict);
  });
  const invalid = () => fieldError(check.error(), "kenmerk");
  let kenmerkEl: HTMLElement | undefined;

  const copy = async (kenmerk: string) => {
    try {
      await navigator.clipboard.writeText(kenmerk);
      setCopyStatus(`Kenmerk ${kenmerk} is gekopieerd. Bewaar het bijvoorbeeld in uw eigen dossier.`);
    } catch {
      // No clipboard (e.g. an insecure origin): select the text so Ctrl+C works.
      if (kenmerkEl) window.getSelection()?.selectAllChildren(kenmerkEl);
      setCopyStatus("Kopiëren lukte niet automatisch. Het kenmerk is geselecteerd: kopieer het met Ctrl+C.");
    }
  };

  return (
    <section aria-labelledby="log-kenmerk-heading" class="oogo-section">
      <h2 class="utrecht-heading-2" id="log-kenmerk-heading">
        Kenmerk van het logboek
      </h2>
      <p class="utrecht-paragraph">
        Alles wat aan deze tafel wordt besloten en vastgelegd, staat in een logboek dat achteraf niet kan worden
        gewijzigd. Bewaar het kenmerk hieronder, bijvoorbeeld in uw eigen dossier of in een e-mail. Daarmee kunt u later
        laten nagaan dat er sindsdien niets uit het logboek is weggelaten of herschreven. Dossiers en opleggers
        vermelden ook zo'n kenmerk.
      </p>
      <Loaded when={current} label="Kenmerk ophalen…">
        {(v) => (
          <>
            <dl class="oogo-facts">
              <div>
                <dt>Kenmerk</dt>
                <dd>
                  <span class="oogo-log-kenmerk" ref={kenmerkEl} data-testid="log-kenmerk">
                    {v().kenmerk}
                  </span>
                </dd>
              </div>
              <div>
                <dt>Stand van</dt>
                <dd>
                  {v().headAt ? formatDateTime(v().headAt!) : "nog niets vastgelegd"} ({v().events}{" "}
                  {v().events === 1 ? "gebeurtenis" : "gebeurtenissen"})
                </dd>
              </div>
              <div>
                <dt>Controle van het logboek</dt>
                <dd>
                  {v().valid
                    ? "In orde: elke gebeurtenis klopt."
                    : `Niet in orde bij ${brokenEventsLabel(v().breaks.map((b) => b.seq))}. Meld dit aan het secretariaat.`}
                </dd>
              </div>
            </dl>
            <div class="oogo-form-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => void copy(v().kenmerk)}
              >
                Kenmerk kopiëren
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                onClick={() => {
                  setCopyStatus("");
                  void refetch();
                }}
              >
                Huidige stand ophalen
              </button>
            </div>
          </>
        )}
      </Loaded>
      <p class="oogo-live-status" role="status" aria-live="polite">
        {copyStatus()}
      </p>

      <form
        class="oogo-log-check"
        onSubmit={(e) => {
          e.preventDefault();
          void check.run(input());
        }}
        noValidate
        aria-labelledby="log-check-heading"
      >
        <h3 class="utrecht-heading-3" id="log-check-heading">
          Controleer een bewaard kenmerk
        </h3>
        <ErrorSummary error={check.error()} title="Controleren mislukt" />
        <Field
          id="log-check"
          label="Bewaard kenmerk"
          hint="Bijvoorbeeld L-1234-9F3A-2C7B-01D4-E5A6. Hoofd- of kleine letters maakt niet uit."
          error={invalid()}
        >
          {(control) => (
            <input
              {...control}
              name="kenmerk"
              autocomplete="off"
              spellcheck={false}
              maxLength={120}
              class="utrecht-textbox utrecht-textbox--html-input oogo-hash-input"
              value={input()}
              onInput={(e) => {
                setInput(e.currentTarget.value);
                check.reset();
              }}
            />
          )}
        </Field>
        <div class="oogo-form-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={check.busy()}>
            {check.busy() ? "Bezig met controleren…" : "Controleren"}
          </button>
        </div>
        <div aria-live="polite">
          <Show when={check.result()}>
            {(r) => (
              <InfoAlert type={r().ok ? "ok" : "warning"}>
                <p class="utrecht-paragraph" data-testid="log-check-result">
                  {r().text}
                </p>
              </InfoAlert>
            )}
          </Show>
        </div>
      </form>
    </section>
  );
}
