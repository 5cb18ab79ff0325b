import { createSignal, For, Show } from "solid-js";
import { invitationApi } from "../../api/members.ts";
import { ROLE_CHOICES } from "../../../shared/domain/invitationRows.ts";
import { INVITATION_STATE_LABELS } from "../../../shared/domain/invitations.ts";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import type { InvitationPreview } from "../../../shared/schemas/invitations.ts";
import type { InvitationView } from "../../../shared/schemas/workspace.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

/** Files larger than this are surely not a list of people; refuse before reading them. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * "Meerdere mensen uitnodigen": paste or upload a CSV, check it (the server names every row's
 * problem and writes nothing), then send every invitation in one action — all or none. After
 * sending, the round's mails are followed until they have left.
 */
export function BulkInvite(props: { invitations: InvitationView[]; onSent: () => Promise<unknown> }) {
  const ws = useWorkspace();
  const [csv, setCsv] = createSignal("");
  const [checkedCsv, setCheckedCsv] = createSignal<string | null>(null);
  const [preview, setPreview] = createSignal<InvitationPreview | null>(null);
  const [busy, setBusy] = createSignal<"" | "checking" | "sending">("");
  const [error, setError] = createSignal<unknown>(null);
  const [fileProblem, setFileProblem] = createSignal("");
  const [sentIds, setSentIds] = createSignal<string[]>([]);
  let summary: HTMLDivElement | undefined;
  let fileInput: HTMLInputElement | undefined;
  let result: HTMLDivElement | undefined;

  const readFile = async (input: HTMLInputElement) => {
    setFileProblem("");
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(
        `Dit bestand is te groot (${Math.round(file.size / 1024)} kB). Een lijst van 1000 mensen is kleiner dan 400 kB.`,
      );
      return;
    }
    setCsv(await file.text());
    setPreview(null);
  };

  const check = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setSentIds([]);
    setBusy("checking");
    try {
      const text = csv();
      setPreview(await invitationApi.preview(ws.id(), text));
      setCheckedCsv(text);
    } catch (err) {
      setPreview(null);
      setError(err);
    } finally {
      setBusy("");
    }
    // Focus on the outcome, so a keyboard or screen-reader user hears it and continues from there.
    queueMicrotask(() => summary?.focus());
  };

  /** Only what was checked is sent; a changed text must be checked again. */
  const ready = () => preview()?.ok === true && checkedCsv() === csv();

  const send = async () => {
    const text = checkedCsv();
    if (!text || !ready()) return;
    setError(null);
    setBusy("sending");
    try {
      const invited = await invitationApi.bulk(ws.id(), text);
      setSentIds(invited.map((i) => i.id));
      setPreview(null);
      setCheckedCsv(null);
      setCsv("");
      if (fileInput) fileInput.value = "";
      await props.onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy("");
    }
    queueMicrotask(() => result?.focus());
  };

  const round = () => {
    const ids = new Set(sentIds());
    return props.invitations.filter((i) => ids.has(i.id));
  };
  const left = () => round().filter((i) => i.state !== "wordt_verstuurd").length;
  const failed = () => round().filter((i) => i.state === "niet_verstuurd").length;
  const shownRows = () => {
    const p = preview();
    if (!p) return [];
    return p.rowsWithProblems > 0 ? p.rows.filter((r) => r.problems.length > 0) : p.rows;
  };

  return (
    <section class="oogo-section" aria-labelledby="bulk-heading">
      <h2 class="utrecht-heading-2" id="bulk-heading">
        Meerdere mensen uitnodigen
      </h2>
      <p class="utrecht-paragraph">
        Eén persoon per regel: <code>naam;e-mail;partij;rol;functie</code> (de functie mag weg; komma's mogen ook; een
        kopregel mag). Een partij schrijft u zoals op deze tafel, met naam of code. Rollen: {ROLE_CHOICES}. Controleer
        eerst; er wordt pas iets verstuurd als elke regel klopt.
      </p>
      <pre class="oogo-members__example" aria-label="Voorbeeld">
        {
          "naam;e-mail;partij;rol;functie\nAnna de Vries;a.devries@gemeente.nl;GM0014;Ambtelijk trekker;beleidsadviseur onderwijs"
        }
      </pre>
      <form class="utrecht-form" onSubmit={(e) => void check(e)}>
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="bulk-file">
              CSV-bestand kiezen (.csv of .txt)
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input
              ref={fileInput}
              id="bulk-file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              class="oogo-members__file"
              onChange={(e) => void readFile(e.currentTarget)}
              aria-describedby={fileProblem() ? "bulk-file-problem" : undefined}
            />
          </div>
          <Show when={fileProblem()}>
            <p
              id="bulk-file-problem"
              class="utrecht-form-field-description utrecht-form-field-description--invalid"
              role="alert"
            >
              {fileProblem()}
            </p>
          </Show>
        </div>
        <div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="bulk-csv">
              Of plak de regels hier
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <textarea
              id="bulk-csv"
              class="utrecht-textarea utrecht-textarea--html-textarea oogo-members__csv"
              rows="8"
              spellcheck={false}
              value={csv()}
              onInput={(e) => setCsv(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="utrecht-button-group">
          <button
            type="submit"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={busy() !== "" || csv().trim() === ""}
          >
            {busy() === "checking" ? "Bezig met controleren…" : "Controleren"}
          </button>
        </div>
      </form>

      <Show when={error()}>
        <ErrorAlert error={error()} title={busy() === "sending" ? "Versturen lukte niet" : "Dat lukte niet"} />
      </Show>

      <Show when={preview()}>
        {(p) => (
          <>
            <div
              ref={summary}
              tabindex="-1"
              role="status"
              class={`oogo-members__summary ${p().ok ? "oogo-members__summary--ok" : "oogo-members__summary--problem"}`}
            >
              <h3 class="utrecht-heading-3">
                {p().ok
                  ? `Alle ${p().rows.length} regels kloppen.`
                  : p().problems.length > 0
                    ? "Dit bestand kan niet worden gelezen."
                    : `${p().rowsWithProblems} van de ${p().rows.length} regels ${p().rowsWithProblems === 1 ? "heeft" : "hebben"} een fout.`}
              </h3>
              <For each={p().problems}>{(problem) => <p class="utrecht-paragraph">{problem}</p>}</For>
              <p class="utrecht-paragraph">
                {p().ok
                  ? `Er is nog niets verstuurd. Met "Uitnodigingen versturen" krijgen alle ${p().rows.length} mensen een e-mail.`
                  : "Er is niets verstuurd. Pas de regels aan en controleer opnieuw."}
                {p().headerSkipped ? " De kopregel is overgeslagen." : ""}
              </p>
            </div>
            <Show when={shownRows().length > 0}>
              <div class="utrecht-table-container">
                <table class="utrecht-table utrecht-table--html-table oogo-members__table">
                  <caption class="utrecht-table__caption">
                    {p().rowsWithProblems > 0
                      ? `Regels met een fout (${p().rowsWithProblems})`
                      : `Wie wordt uitgenodigd (${p().rows.length})`}
                  </caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      <th class="utrecht-table__header-cell" scope="col">
                        Regel
                      </th>
                      <th class="utrecht-table__header-cell" scope="col">
                        Naam en e-mail
                      </th>
                      <th class="utrecht-table__header-cell" scope="col">
                        Rol en partij
                      </th>
                      <th class="utrecht-table__header-cell" scope="col">
                        {p().rowsWithProblems > 0 ? "Fout" : "Functie"}
                      </th>
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    <For each={shownRows()}>
                      {(row) => (
                        <tr class="utrecht-table__row">
                          <td class="utrecht-table__cell" data-label="Regel">
                            {row.line}
                          </td>
                          <td class="utrecht-table__cell" data-label="Naam en e-mail">
                            {row.name || "—"}
                            <br />
                            <span class="oogo-break oogo-muted">{row.email || "—"}</span>
                          </td>
                          <td class="utrecht-table__cell" data-label="Rol en partij">
                            {row.role ? ROLE_LABELS[row.role] : row.roleText || "—"}
                            <br />
                            <span class="oogo-muted">{row.party?.name ?? (row.partyText || "geen partij")}</span>
                          </td>
                          <td class="utrecht-table__cell" data-label={row.problems.length > 0 ? "Fout" : "Functie"}>
                            <Show when={row.problems.length > 0} fallback={row.title ?? "—"}>
                              <ul class="oogo-members__problems">
                                <For each={row.problems}>{(problem) => <li>{problem}</li>}</For>
                              </ul>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <Show when={ready()}>
              <div class="utrecht-button-group oogo-members__send">
                <button
                  type="button"
                  class="utrecht-button utrecht-button--primary-action"
                  disabled={busy() !== ""}
                  onClick={() => void send()}
                >
                  Uitnodigingen versturen ({p().rows.length})
                </button>
              </div>
            </Show>
          </>
        )}
      </Show>

      <Show when={busy() === "sending"}>
        <div role="status" class="oogo-members__progress">
          <label for="bulk-progress">Uitnodigingen aanmaken…</label> <progress id="bulk-progress" />
        </div>
      </Show>

      <Show when={sentIds().length > 0}>
        <div ref={result} tabindex="-1" role="status" class="oogo-members__summary oogo-members__summary--ok">
          <h3 class="utrecht-heading-3">{sentIds().length} uitnodigingen aangemaakt.</h3>
          <p class="utrecht-paragraph">
            <label for="bulk-sent">
              E-mails de deur uit: {left()} van {sentIds().length}
            </label>{" "}
            <progress id="bulk-sent" max={sentIds().length} value={left()} />
          </p>
          <Show when={failed() > 0}>
            <p class="utrecht-paragraph">
              {failed()} {failed() === 1 ? "e-mail is" : "e-mails zijn"}{" "}
              {INVITATION_STATE_LABELS.niet_verstuurd.toLowerCase()}; zie hieronder bij Uitnodigingen.
            </p>
          </Show>
          <p class="utrecht-paragraph">De status van elke uitnodiging ziet u hieronder bij Uitnodigingen.</p>
        </div>
      </Show>
    </section>
  );
}
