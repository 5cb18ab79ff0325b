import { createResource, For, Show, type JSX } from "solid-js";
import { sectionLabel } from "../../../shared/domain/planText.ts";
import type { PlanVersionChanges } from "../../../shared/schemas/plans.ts";
import { planApi } from "../../api/plans.ts";
import { DiffParts } from "../../ui/DiffParts.tsx";
import { Loaded } from "../../ui/feedback.tsx";

type Change = PlanVersionChanges["changes"][number];
type Block = Change["blocks"][number];

const STATUS_TEXT: Record<Change["status"], string> = {
  added: "nieuw",
  removed: "vervallen",
  changed: "gewijzigd",
  unchanged: "ongewijzigd",
};

const label = (c: Change) => sectionLabel(c) || "Tekst vóór het eerste hoofdstuk";

/** Per section what changed since the previous version: new, removed and reworded paragraphs, word by word. */
export function PlanChanges(props: { versionId: string }) {
  const [changes] = createResource(
    () => props.versionId,
    (id) => planApi.changes(id),
  );
  return (
    <Loaded when={changes} label="Wijzigingen berekenen…">
      {(c) => (
        <Show
          when={c().previous}
          fallback={<p class="utrecht-paragraph">Dit is de eerste versie; er is nog niets om mee te vergelijken.</p>}
        >
          {(prev) => {
            const changed = () => c().changes.filter((s) => s.status !== "unchanged");
            return (
              <div class="oogo-plan__changes">
                <p class="utrecht-paragraph">
                  Vergeleken met versie {prev().seq} ({prev().label}): {changed().length} van {c().changes.length}{" "}
                  onderdelen zijn nieuw, vervallen of gewijzigd. Toegevoegde woorden zijn{" "}
                  <ins class="oogo-plan__ins">onderstreept</ins>, verwijderde{" "}
                  <del class="oogo-plan__del">doorgehaald</del>.
                </p>
                <Show when={changed().length === 0}>
                  <p class="utrecht-paragraph">De tekst is niet veranderd.</p>
                </Show>
                <For each={changed()}>
                  {(s) => (
                    <section class={`oogo-plan__change oogo-plan__change--${s.status}`} aria-label={label(s)}>
                      <h3 class="utrecht-heading-4">
                        {label(s)} <span class="oogo-plan__badge">({STATUS_TEXT[s.status]})</span>
                      </h3>
                      <Show when={s.previousTitle}>{(old) => <p class="utrecht-paragraph">Eerder: {old()}</p>}</Show>
                      <For each={s.blocks.filter((b) => b.change !== "same")}>
                        {(b) => <PlanBlockChange block={b} />}
                      </For>
                    </section>
                  )}
                </For>
              </div>
            );
          }}
        </Show>
      )}
    </Loaded>
  );
}

/** A changed, new, removed or moved block — said in words too, never by colour or strike alone. */
function PlanBlockChange(props: { block: Block }) {
  return <>{renderBlock(props.block)}</>;
}

function renderBlock(b: Block): JSX.Element {
  if (b.change === "same") return null;
  if (b.change === "changed")
    return (
      <p class="utrecht-paragraph">
        <span class="oogo-visually-hidden">Gewijzigde alinea: </span>
        <DiffParts parts={b.parts} />
      </p>
    );
  const added = b.change === "added";
  const tag = b.moved ? (added ? "Verplaatst naar hier" : "Verplaatst van hier") : added ? "Nieuw" : "Vervallen";
  return (
    <p class="utrecht-paragraph">
      <span class="oogo-plan__badge">{tag}: </span>
      {added ? <ins class="oogo-plan__ins">{b.text}</ins> : <del class="oogo-plan__del">{b.text}</del>}
    </p>
  );
}
