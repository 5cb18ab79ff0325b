import { Show } from "solid-js";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { procedureApi } from "../../api/meetings.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { Loaded } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { EditorSlot } from "./EditorSlot.tsx";
import { OpleggerDownload } from "./ExportButtons.tsx";
import { ProcedureChecklist } from "./ProcedureChecklist.tsx";
import "./meetings.css";

/** The OOGO procedure the parties agreed: its text (co-edited) and the checklist of steps the secretaris keeps. */
export default function ProcedurePage() {
  const ws = useWorkspace();
  const [procedure, { refetch }] = createLiveResource(() => ws.id(), procedureApi.get, { entities: ["procedure"] });
  const manage = () => ws.can("procedure.manage");
  return (
    <>
      <PageTitle lead="De procedure die het samenwerkingsverband en de colleges samen afspraken, en hoe ver die is gevolgd.">
        Procedure
      </PageTitle>
      <section class="oogo-section" aria-labelledby="procedure-text-heading">
        <h2 class="utrecht-heading-2" id="procedure-text-heading">
          Afgesproken procedure
        </h2>
        <Show when={ws.workspace()}>
          {(w) => (
            <EditorSlot
              documentName={w().procedureDocument}
              label="Tekst van de afgesproken OOGO-procedure"
              comments
              readOnly={!manage()}
              readOnlyReason={manage() ? undefined : "Alleen de secretaris past de afgesproken procedure aan."}
            />
          )}
        </Show>
      </section>
      <Loaded when={procedure} label="Stappen laden…">
        {(p) => <ProcedureChecklist procedure={p()} canManage={manage()} onChange={() => void refetch()} />}
      </Loaded>
      <OpleggerDownload />
    </>
  );
}
