import { For, Show } from "solid-js";
import { ROLE_LABELS } from "../../../shared/domain/roles.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { CollaborativeEditor } from "../../editor/CollaborativeEditor.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { periodText } from "../workspace/plans.ts";
import { SpiegelDownload } from "./SpiegelDownload.tsx";
import "./spiegelparagraaf.css";

/** The spiegelparagraaf: one shared text per tafel, a section (h2) per theme, written together live. */
export default function SpiegelparagraafPage() {
  const ws = useWorkspace();
  const w = () => ws.workspace()!;
  const canEdit = () => ws.can("text.edit");

  return (
    <>
      <PageTitle lead="De afspraken die het plan van het samenwerkingsverband en het jeugdbeleid van de gemeenten op elkaar afstemmen, per thema.">
        Spiegelparagraaf
      </PageTitle>
      <div class="oogo-spiegel__intro">
        <p class="utrecht-paragraph">
          Iedereen uit de ambtelijke werkgroep schrijft hier tegelijk aan dezelfde tekst. U ziet wie er meeschrijft en
          waar anderen typen. Elke wijziging wordt direct op de server opgeslagen; zonder verbinding blijft uw werk op
          dit apparaat bewaard tot de verbinding terug is.
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/tafels/${ws.id()}/spiegelparagraaf/versies`}>
            Versies en wijzigingen bekijken
          </a>
        </p>
        <p class="utrecht-paragraph oogo-spiegel__plan">
          Hoort bij:{" "}
          <For each={w().plans}>
            {(p, i) => (
              <>
                {i() > 0 ? "; " : ""}
                <cite>{p.title}</cite> ({periodText(p)})
              </>
            )}
          </For>
        </p>
      </div>
      <Show when={ws.can("content.read") && w().spiegelparagraafDocument}>
        {(name) => <SpiegelDownload documentName={name()} />}
      </Show>
      <Show when={w().spiegelparagraafDocument}>
        {(name) => (
          <CollaborativeEditor
            pointPicker
            documentName={name()}
            label="Tekst van de spiegelparagraaf"
            comments
            suggestions
            readOnly={!canEdit()}
            readOnlyReason={`U kunt dit document lezen maar niet bewerken (rol: ${ROLE_LABELS[w().role].toLowerCase()}).`}
          />
        )}
      </Show>
    </>
  );
}
