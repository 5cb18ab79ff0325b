import { createResource, createSignal, For, Show } from "solid-js";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { VERSION_REASON_LABELS } from "../../../shared/domain/documentVersions.ts";
import type { ExportFormat } from "../../../shared/domain/dossier.ts";
import { spiegelExportApi } from "../../api/spiegelExport.ts";
import { versionsApi } from "../../api/versions.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";

/**
 * "Downloaden: Word · PDF · Versie met wijzigingen …" on the spiegelparagraaf page: the text with
 * its embedded points as a document for the plan, or the changes since a kept version.
 */
export function SpiegelDownload(props: { documentName: string }) {
  const ws = useWorkspace();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [choosing, setChoosing] = createSignal(false);
  const [since, setSince] = createSignal("");
  const [versions] = createResource(
    () => (choosing() ? props.documentName : false),
    (doc) => versionsApi.list(ws.id(), doc),
  );
  const action = createAction(async (what: { format: ExportFormat; since?: string }) => {
    await spiegelExportApi.download(ws.id(), what.format, what.since);
    return what;
  });
  const describe = (what: { format: ExportFormat; since?: string }) =>
    `${what.since ? "Versie met wijzigingen" : "Spiegelparagraaf"} (${what.format === "docx" ? "Word" : "PDF"})`;
  const status = () => {
    const b = busy();
    if (b) return `${b} wordt gemaakt…`;
    const done = action.result();
    return done ? `${describe(done)} is gedownload.` : "";
  };
  const get = async (format: ExportFormat, sinceId?: string) => {
    const what = { format, ...(sinceId ? { since: sinceId } : {}) };
    setBusy(describe(what));
    await action.run(what);
    setBusy(null);
  };
  const label = (v: { name: string | null; reason: keyof typeof VERSION_REASON_LABELS; createdAt: string }) =>
    `${v.name ?? VERSION_REASON_LABELS[v.reason]} — ${formatDateTime(v.createdAt)}`;

  return (
    <section class="oogo-spiegel__download" aria-labelledby="spiegel-download-heading" aria-busy={action.busy()}>
      <h2 class="utrecht-heading-3" id="spiegel-download-heading">
        Downloaden
      </h2>
      <div class="oogo-form-actions">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          disabled={action.busy()}
          onClick={() => void get("docx")}
        >
          Word
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          disabled={action.busy()}
          onClick={() => void get("pdf")}
        >
          PDF
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--subtle"
          aria-expanded={choosing()}
          aria-controls="spiegel-since"
          onClick={() => setChoosing(!choosing())}
        >
          Versie met wijzigingen…
        </button>
      </div>
      <Show when={choosing()}>
        <div id="spiegel-since" class="oogo-spiegel__since">
          <Show
            when={(versions() ?? []).length > 0}
            fallback={
              <p class="utrecht-paragraph">
                {versions.loading
                  ? "Versies laden…"
                  : "Er is nog geen bewaarde versie om mee te vergelijken. Bewaar eerst een versie bij “Versies en wijzigingen bekijken”."}
              </p>
            }
          >
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="spiegel-since-select">
                Wijzigingen sinds
              </label>
              <select
                id="spiegel-since-select"
                class="utrecht-select utrecht-select--html-select"
                value={since()}
                onChange={(e) => setSince(e.currentTarget.value)}
              >
                <option value="">Kies een bewaarde versie</option>
                <For each={versions()}>{(v) => <option value={v.id}>{label(v)}</option>}</For>
              </select>
            </div>
            <div class="oogo-form-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={action.busy() || !since()}
                onClick={() => void get("docx", since())}
              >
                Met wijzigingen (Word)
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={action.busy() || !since()}
                onClick={() => void get("pdf", since())}
              >
                Met wijzigingen (PDF)
              </button>
            </div>
          </Show>
        </div>
      </Show>
      <p class="oogo-live-status" role="status" aria-live="polite">
        {status()}
      </p>
      <Show when={action.error()}>
        <ErrorAlert error={action.error()} title="Downloaden mislukt" />
      </Show>
    </section>
  );
}
