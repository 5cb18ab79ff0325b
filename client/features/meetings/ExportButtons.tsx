import { createSignal, Show } from "solid-js";
import type { ExportFormat } from "../../../shared/domain/dossier.ts";
import { exportsApi } from "../../api/meetings.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createAction } from "../../ui/createAction.ts";

/**
 * "Oplegger downloaden" as PDF or DOCX, for every role with oplegger.export. Exported so the
 * agreement board can show the same control.
 */
export function OpleggerDownload(props: { headingLevel?: 2 | 3 }) {
  const ws = useWorkspace();
  const [busyFormat, setBusyFormat] = createSignal<ExportFormat | null>(null);
  const action = createAction(async (format: ExportFormat) => {
    await exportsApi.oplegger(ws.id(), format);
    return format;
  });
  // Progress and outcome in one visible status line (the download itself says nothing).
  const status = () => {
    const f = busyFormat();
    if (f) return `Oplegger (${f.toUpperCase()}) wordt gemaakt…`;
    const done = action.result();
    return done ? `Oplegger (${done.toUpperCase()}) is gedownload.` : "";
  };
  const get = async (format: ExportFormat) => {
    setBusyFormat(format);
    await action.run(format);
    setBusyFormat(null);
  };
  const Heading = () =>
    props.headingLevel === 3 ? (
      <h3 class="utrecht-heading-3" id="oplegger-heading">
        Oplegger
      </h3>
    ) : (
      <h2 class="utrecht-heading-2" id="oplegger-heading">
        Oplegger
      </h2>
    );
  return (
    <Show when={ws.can("oplegger.export")}>
      <section class="oogo-section" aria-labelledby="oplegger-heading" aria-busy={action.busy()}>
        <Heading />
        <p class="utrecht-paragraph">
          De samenvatting van de overeenstemmingspunten per thema — tekst, reikwijdte, status en wie welke versie
          wanneer ondertekende — om bij het plan te voegen.
        </p>
        <div class="oogo-form-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={action.busy()}
            onClick={() => void get("pdf")}
          >
            {busyFormat() === "pdf" ? "Bezig…" : "Oplegger downloaden (PDF)"}
          </button>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={action.busy()}
            onClick={() => void get("docx")}
          >
            {busyFormat() === "docx" ? "Bezig…" : "Oplegger downloaden (DOCX)"}
          </button>
        </div>
        <p class="oogo-live-status" role="status" aria-live="polite">
          {status()}
        </p>
        <Show when={action.error()}>
          <ErrorAlert error={action.error()} title="Oplegger downloaden mislukt" />
        </Show>
      </section>
    </Show>
  );
}
