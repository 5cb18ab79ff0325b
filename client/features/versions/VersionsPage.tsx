/**
 * Versies van de spiegelparagraaf (issue 12): keep a named version, see the list (kept on
 * demand or at milestones), read one, and compare any two — or one with the current text —
 * paragraph by paragraph with words marked and moved paragraphs recognised — and put an older
 * version back ("Deze versie terugzetten": a new edit, the current text kept as a version).
 */
import { createEffect, createResource, createSignal, For, onCleanup, Show, type JSX } from "solid-js";
import { VERSION_REASON_LABELS } from "../../../shared/domain/documentVersions.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { blocksOf, type BlockChange } from "../../../shared/domain/textDiff.ts";
import type { VersionSummary } from "../../../shared/schemas/versions.ts";
import { versionsApi } from "../../api/versions.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert, Loaded } from "../../ui/feedback.tsx";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { formText } from "../../ui/formData.ts";
import { fieldError } from "../../ui/inputErrors.ts";
import { DiffParts } from "../../ui/DiffParts.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import "./versions.css";

const CURRENT = "huidig";
const title = (v: VersionSummary) => v.name ?? VERSION_REASON_LABELS[v.reason];
const label = (v: VersionSummary) =>
  `${title(v)} — ${formatDateTime(v.createdAt)}${v.createdByName ? `, ${v.createdByName}` : ""}`;

export default function VersionsPage() {
  const ws = useWorkspace();
  const document = () => ws.workspace()?.spiegelparagraafDocument;
  const [versions, { refetch }] = createResource(
    () => (document() ? { id: ws.id(), doc: document()! } : null),
    (k) => versionsApi.list(k.id, k.doc),
  );
  const save = createAction((name: string) => versionsApi.save(ws.id(), { document: document()!, name }), {
    announce: (v) => `Versie ‘${v.name ?? ""}’ bewaard.`,
  });

  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal(CURRENT);
  const compare = createAction((a: string, b: string) => versionsApi.compare(a, b));
  const [reading, setReading] = createSignal<string | null>(null);
  const [version] = createResource(reading, versionsApi.get);

  // "Deze versie terugzetten": first a confirmation that says what happens, then the restore.
  const [restoring, setRestoring] = createSignal<VersionSummary | null>(null);
  let confirmHeading: HTMLHeadingElement | undefined;
  const restore = createAction((v: VersionSummary) => versionsApi.restore(v.id), {
    announce: (_r, v) => `De versie ‘${title(v)}’ is teruggezet. De tekst van daarvoor is bewaard als versie.`,
  });
  const askRestore = (v: VersionSummary) => {
    setRestoring(v);
    queueMicrotask(() => confirmHeading?.focus());
  };
  // Someone else restored or kept a version: the list follows.
  createEffect(() => {
    const doc = document();
    onCleanup(
      ws.onLive((e) => {
        if (e.entity === "document" && e.entityId === doc) void refetch();
      }),
    );
  });

  return (
    <>
      <PageTitle lead="Elke versie van de spiegelparagraaf die is bewaard: op verzoek, met een naam, of bij een mijlpaal. Lees een oude versie of zie wat er tussen twee versies is veranderd.">
        Versies van de spiegelparagraaf
      </PageTitle>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/tafels/${ws.id()}/spiegelparagraaf`}>
          Terug naar de spiegelparagraaf
        </a>
      </p>

      <Show when={ws.can("text.edit")}>
        <form
          class="oogo-versions__save"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            void save.run(formText(new FormData(form), "name")).then((v) => {
              if (!v) return;
              form.reset();
              void refetch();
            });
          }}
        >
          <h2 class="utrecht-heading-2">Versie bewaren</h2>
          <ErrorSummary error={save.error()} title="Versie bewaren mislukt" />
          <Field
            id="version-name"
            label="Naam van de versie"
            hint="Bijvoorbeeld: na werkgroep 12 maart."
            required
            error={fieldError(save.error(), "name")}
          >
            {(control) => (
              <input {...control} name="name" class="utrecht-textbox utrecht-textbox--html-input" autocomplete="off" />
            )}
          </Field>
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={save.busy()}>
            {save.busy() ? "Bezig…" : "Versie bewaren"}
          </button>
        </form>
      </Show>

      <Show when={restoring()}>
        {(v) => (
          <section class="oogo-versions__confirm" aria-labelledby="restore-title">
            <h2 class="utrecht-heading-2" id="restore-title" tabindex="-1" ref={(el) => (confirmHeading = el)}>
              Deze versie terugzetten?
            </h2>
            <p class="utrecht-paragraph">
              De tekst van de spiegelparagraaf wordt weer zoals in <strong>{label(v())}</strong>.
            </p>
            <ul class="utrecht-unordered-list">
              <li>Dat is een nieuwe wijziging: er gaat niets verloren.</li>
              <li>De tekst zoals hij nu is, wordt eerst bewaard als versie. U kunt die later terugzetten.</li>
              <li>Wie de spiegelparagraaf nu open heeft, ziet de tekst direct veranderen.</li>
              <li>Het logboek vermeldt welke versie u hebt teruggezet.</li>
            </ul>
            <Show when={restore.error()}>
              <ErrorAlert error={restore.error()} title="Terugzetten mislukt" />
            </Show>
            <div class="oogo-versions__confirm-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                disabled={restore.busy()}
                onClick={() =>
                  void restore.run(v()).then((r) => {
                    if (!r) return;
                    setRestoring(null);
                    void refetch();
                  })
                }
              >
                {restore.busy() ? "Bezig…" : "Ja, terugzetten"}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => setRestoring(null)}
              >
                Annuleren
              </button>
            </div>
          </section>
        )}
      </Show>
      <Show when={!restoring() && restore.result()}>
        <p class="utrecht-paragraph oogo-versions__done" role="status">
          De versie is teruggezet. De tekst van daarvoor staat bovenaan de lijst als versie.
        </p>
      </Show>

      <h2 class="utrecht-heading-2">Bewaarde versies</h2>
      <Loaded when={versions} label="Versies laden…">
        {(list) => (
          <Show when={list().length} fallback={<p class="utrecht-paragraph">Er is nog geen versie bewaard.</p>}>
            <ol class="oogo-versions__list">
              <For each={list()}>
                {(v) => (
                  <li class="oogo-versions__item">
                    <span>
                      <strong>{title(v)}</strong>
                      <br />
                      <span class="oogo-versions__meta">
                        {formatDateTime(v.createdAt)}
                        {v.createdByName ? ` · ${v.createdByName}` : ""}
                        {v.name ? "" : " · automatisch bewaard"}
                      </span>
                    </span>
                    <span class="oogo-versions__actions">
                      <button
                        type="button"
                        class="utrecht-button utrecht-button--secondary-action"
                        onClick={() => setReading(v.id)}
                      >
                        Lezen<span class="oogo-visually-hidden">: {label(v)}</span>
                      </button>
                      <button
                        type="button"
                        class="utrecht-button utrecht-button--subtle"
                        onClick={() => {
                          setFrom(v.id);
                          setTo(CURRENT);
                          void compare.run(v.id, CURRENT);
                        }}
                      >
                        Vergelijk met nu<span class="oogo-visually-hidden">: {label(v)}</span>
                      </button>
                      <Show when={ws.can("text.edit")}>
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--subtle"
                          onClick={() => askRestore(v)}
                        >
                          Deze versie terugzetten<span class="oogo-visually-hidden">: {label(v)}</span>
                        </button>
                      </Show>
                    </span>
                  </li>
                )}
              </For>
            </ol>

            <form
              class="oogo-versions__compare"
              onSubmit={(e) => {
                e.preventDefault();
                if (from()) void compare.run(from(), to());
              }}
            >
              <h2 class="utrecht-heading-2">Twee versies vergelijken</h2>
              <div class="oogo-versions__pair">
                <Field id="compare-from" label="Van (de oudere versie)">
                  {(control) => (
                    <select
                      {...control}
                      class="utrecht-select utrecht-select--html-select"
                      value={from()}
                      onChange={(e) => setFrom(e.currentTarget.value)}
                    >
                      <option value="">Kies een versie</option>
                      <For each={list()}>{(v) => <option value={v.id}>{label(v)}</option>}</For>
                    </select>
                  )}
                </Field>
                <Field id="compare-to" label="Naar">
                  {(control) => (
                    <select
                      {...control}
                      class="utrecht-select utrecht-select--html-select"
                      value={to()}
                      onChange={(e) => setTo(e.currentTarget.value)}
                    >
                      <option value={CURRENT}>De huidige tekst</option>
                      <For each={list()}>{(v) => <option value={v.id}>{label(v)}</option>}</For>
                    </select>
                  )}
                </Field>
              </div>
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                disabled={!from() || compare.busy()}
              >
                {compare.busy() ? "Bezig…" : "Vergelijken"}
              </button>
            </form>
          </Show>
        )}
      </Loaded>

      <Show when={compare.error()}>
        <ErrorAlert error={compare.error()} title="Vergelijken mislukt" />
      </Show>
      <Show when={compare.result()}>
        {(c) => (
          <section class="oogo-versions__result" aria-labelledby="compare-title" tabindex="-1">
            <h2 class="utrecht-heading-2" id="compare-title">
              Wat is er veranderd?
            </h2>
            <p class="utrecht-paragraph">
              Van <strong>{label(c().from)}</strong> naar{" "}
              <strong>{c().to ? label(c().to!) : "de huidige tekst"}</strong>.{" "}
              <span class="oogo-diff-legend">
                <ins>Onderstreept</ins> is toegevoegd, <del>doorgestreept</del> is verwijderd.
              </span>
            </p>
            <Show
              when={c().changes.some((b) => b.change !== "same")}
              fallback={<p class="utrecht-paragraph">Geen verschil in de tekst.</p>}
            >
              <div class="oogo-versions__diff">
                <For each={c().changes}>{(b) => <ChangedBlock block={b} />}</For>
              </div>
            </Show>
          </section>
        )}
      </Show>

      <Show when={reading()}>
        <section class="oogo-versions__read" aria-labelledby="read-title">
          <Loaded when={version} label="Versie laden…">
            {(v) => (
              <>
                <h2 class="utrecht-heading-2" id="read-title">
                  {label(v())}
                </h2>
                <p class="utrecht-paragraph oogo-versions__meta">Alleen lezen: zo stond de tekst er toen.</p>
                <div class="oogo-versions__text">
                  <For each={blocksOf(v().json)}>
                    {(b) =>
                      b.kind === "heading" ? (
                        <h3 class="utrecht-heading-3">{b.text}</h3>
                      ) : (
                        <p class="utrecht-paragraph">
                          {b.kind === "listItem" ? "• " : ""}
                          {b.text}
                        </p>
                      )
                    }
                  </For>
                </div>
                <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setReading(null)}>
                  Sluiten
                </button>
              </>
            )}
          </Loaded>
        </section>
      </Show>
    </>
  );
}

/** One block of a comparison: unchanged, rewritten (words marked), added, removed or moved — always in words too. */
function ChangedBlock(props: { block: BlockChange }) {
  return <>{renderBlock(props.block)}</>;
}

function renderBlock(b: BlockChange): JSX.Element {
  switch (b.change) {
    case "same":
      return <p class="oogo-versions__block oogo-versions__block--same">{b.text}</p>;
    case "changed":
      return (
        <p class="oogo-versions__block oogo-versions__block--changed">
          <span class="oogo-versions__tag">Gewijzigd</span>
          <DiffParts parts={b.parts} />
        </p>
      );
    case "added":
    case "removed": {
      const added = b.change === "added";
      const tag = b.moved ? (added ? "Verplaatst naar hier" : "Verplaatst van hier") : added ? "Nieuw" : "Verwijderd";
      return (
        <p class={`oogo-versions__block oogo-versions__block--${b.change}`}>
          <span class="oogo-versions__tag">{tag}</span>
          {added ? <ins>{b.text}</ins> : <del>{b.text}</del>}
        </p>
      );
    }
  }
}
