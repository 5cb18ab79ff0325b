import { A, useLocation, useNavigate, useSearchParams } from "@solidjs/router";
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
  type JSX,
} from "solid-js";
import { Dynamic } from "solid-js/web";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { MAX_PLAN_FILE_BYTES, PLAN_FILE_ACCEPT } from "../../../shared/domain/planImport.ts";
import { sectionLabel, type PlanBlock, type PlanSection } from "../../../shared/domain/planText.ts";
import type { PlanVersionDetail, PlanVersionSummary } from "../../../shared/schemas/plans.ts";
import { planApi, type UploadProgress } from "../../api/plans.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { createAction } from "../../ui/createAction.ts";
import { ActionForm } from "../../ui/ActionForm.tsx";
import { SelectBoxField, TextBoxField } from "../../ui/FieldControls.tsx";
import { InfoAlert, Loaded } from "../../ui/feedback.tsx";
import { fieldError, inputError } from "../../ui/inputErrors.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { planLine } from "../workspace/plans.ts";
import { PlanChanges } from "./PlanChanges.tsx";
import { PlanScreening } from "./PlanScreening.tsx";
import "./plan.css";

const mb = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("nl-NL")} kB`
    : `${(bytes / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
const kindLabel = (v: PlanVersionSummary) => (v.fileKind === "pdf" ? "PDF" : "Word");

/** The plan(s) on the tafel: versions, upload, the text with its outline, changes, and "Gebruik als basis". */
export default function PlanPage() {
  const ws = useWorkspace();
  const plans = () => ws.workspace()?.plans ?? [];
  const [planId, setPlanId] = createSignal<string | undefined>(plans()[0]?.id);
  createEffect(() => {
    if (!planId() && plans()[0]) setPlanId(plans()[0]!.id);
  });
  const [versions, { refetch }] = createResource(planId, (id) => planApi.versions(id));
  // A "Bron:" link in the spiegelparagraaf names the version (?versie=) and the section (#…).
  const [search] = useSearchParams<{ versie?: string }>();
  const [chosen, setChosen] = createSignal<string | undefined>(search.versie);
  const versionId = () => chosen() ?? versions.latest?.versions[0]?.id;
  // Another member's upload shows up without reloading.
  createEffect(() => {
    const id = planId();
    onCleanup(
      ws.onLive((e) => {
        if (e.entity === "plan" && e.entityId === id) void refetch();
      }),
    );
  });

  return (
    <>
      <PageTitle lead="Het plan zoals het op tafel ligt: elke versie die werd aangeleverd, de tekst per hoofdstuk en paragraaf, wat er veranderde sinds de vorige versie, en de screening per thema.">
        Plan
      </PageTitle>
      <Show when={plans().length > 0} fallback={<InfoAlert>Er staat nog geen plan op deze tafel.</InfoAlert>}>
        <Show when={plans().length > 1}>
          <SelectBoxField
            id="plan-choice"
            label="Welk plan"
            value={planId()}
            onChange={(e) => {
              setChosen(undefined);
              setPlanId(e.currentTarget.value);
            }}
          >
            <For each={plans()}>{(p) => <option value={p.id}>{planLine(p)}</option>}</For>
          </SelectBoxField>
        </Show>
        <Loaded when={versions} label="Versies laden…">
          {(list) => (
            <>
              <Show when={list().canImport}>
                <UploadSection
                  planId={list().planId}
                  onUploaded={(v) => {
                    setChosen(v.id);
                    void refetch();
                  }}
                />
              </Show>
              <VersionsSection versions={list().versions} current={versionId()} onChoose={setChosen} />
              <Show
                when={versionId()}
                fallback={
                  <InfoAlert>
                    Van dit plan is nog geen versie aangeleverd.
                    {list().canImport ? " Upload hierboven het Word-document of de PDF." : ""}
                  </InfoAlert>
                }
              >
                {(id) => <VersionView versionId={id()} />}
              </Show>
            </>
          )}
        </Loaded>
      </Show>
    </>
  );
}

function UploadSection(props: { planId: string; onUploaded: (v: PlanVersionSummary) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [label, setLabel] = createSignal("");
  const [progress, setProgress] = createSignal<UploadProgress | null>(null);
  let fileInput: HTMLInputElement | undefined;
  const upload = createAction(
    async () => {
      const f = file();
      if (!f) throw inputError("Kies het bestand met het plan (.docx of .pdf).", "file");
      if (f.size === 0) throw inputError("Het bestand is leeg.", "file");
      if (f.size > MAX_PLAN_FILE_BYTES)
        throw inputError(`Het bestand is ${mb(f.size)}; dat is groter dan 25 MB.`, "file");
      setProgress({ loaded: 0, total: f.size, processing: false });
      try {
        const version = await planApi.upload(props.planId, f, label().trim(), setProgress);
        setFile(null);
        setLabel("");
        if (fileInput) fileInput.value = "";
        props.onUploaded(version);
        return version;
      } finally {
        setProgress(null);
      }
    },
    {
      announce: (v) => `Versie ${v.seq} is ingelezen: ${v.sectionCount} hoofdstukken en paragrafen.`,
    },
  );
  return (
    <section aria-labelledby="plan-upload" class="oogo-section">
      <h2 id="plan-upload" class="utrecht-heading-2">
        Nieuwe versie aanleveren
      </h2>
      <ActionForm action={upload} errorTitle="Het plan is niet ingelezen">
        <TextBoxField
          id="plan-file"
          label="Bestand"
          hint="Het Word-document (.docx) of de PDF van het plan, hoogstens 25 MB. Een scan zonder tekst kan niet worden ingelezen."
          required
          error={fieldError(upload.error(), "file")}
          ref={fileInput}
          type="file"
          name="file"
          accept={PLAN_FILE_ACCEPT}
          class="oogo-plan__file"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            upload.reset();
          }}
        />
        <TextBoxField
          id="plan-label"
          label="Naam van deze versie (optioneel)"
          hint="Bijvoorbeeld ‘concept 0.3’ of ‘na reactie gemeenten’."
          error={fieldError(upload.error(), "label")}
          name="label"
          maxlength="80"
          value={label()}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <Show when={progress()}>
          {(p) => (
            <div class="oogo-plan__progress" role="status">
              <Show
                when={!p().processing}
                fallback={
                  <p class="utrecht-paragraph">Verzonden. Het plan wordt nu ingelezen; dat duurt enkele seconden…</p>
                }
              >
                <label for="plan-progress" class="utrecht-paragraph">
                  Verzenden: {mb(p().loaded)} van {mb(p().total)}
                </label>
                <progress id="plan-progress" max={p().total} value={p().loaded} />
              </Show>
            </div>
          )}
        </Show>
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={upload.busy()}>
          {upload.busy() ? "Bezig met inlezen…" : "Uploaden en inlezen"}
        </button>
      </ActionForm>
    </section>
  );
}

function VersionsSection(props: {
  versions: PlanVersionSummary[];
  current: string | undefined;
  onChoose: (id: string) => void;
}) {
  return (
    <section aria-labelledby="plan-versions" class="oogo-section">
      <h2 id="plan-versions" class="utrecht-heading-2">
        Versies
      </h2>
      <Show when={props.versions.length > 0} fallback={<p class="utrecht-paragraph">Nog geen versies.</p>}>
        <ul class="oogo-plan__versions">
          <For each={props.versions}>
            {(v) => (
              <li class="oogo-plan__version" aria-current={v.id === props.current ? "true" : undefined}>
                <p class="utrecht-paragraph oogo-plan__version-title">
                  <strong>
                    Versie {v.seq}: {v.label}
                  </strong>
                  <Show when={v.id === props.current}> (getoond)</Show>
                </p>
                <p class="utrecht-paragraph oogo-plan__meta">
                  {kindLabel(v)}-bestand <span class="oogo-plan__filename">{v.fileName}</span> ({mb(v.byteSize)}),
                  aangeleverd {formatDateTime(v.createdAt)}
                  {v.uploadedByName ? ` door ${v.uploadedByName}` : ""}. Kenmerk <code>{v.kenmerk}</code>
                </p>
                <p class="oogo-plan__actions">
                  <Show when={v.id !== props.current}>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      onClick={() => props.onChoose(v.id)}
                    >
                      Versie {v.seq} lezen
                    </button>
                  </Show>
                  <a class="utrecht-link" href={planApi.fileUrl(v.id)} download={v.fileName}>
                    Origineel downloaden<span class="oogo-visually-hidden"> (versie {v.seq})</span>
                  </a>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function VersionView(props: { versionId: string }) {
  const [version, { refetch }] = createResource(
    () => props.versionId,
    (id) => planApi.version(id),
  );
  const [view, setView] = createSignal<"text" | "changes" | "screening">("text");
  // From a passage the screening cites to that section of the text: switch, then scroll and focus.
  const showSection = (sectionId: string) => {
    setView("text");
    requestAnimationFrame(() => focusSection(`plan-${props.versionId}-${sectionId}`));
  };
  return (
    <Loaded when={version} label="Tekst laden…">
      {(v) => (
        <section aria-labelledby="plan-version-title" class="oogo-section">
          <h2 id="plan-version-title" class="utrecht-heading-2">
            Versie {v().seq}: {v().label}
          </h2>
          <div class="oogo-plan__switch" role="group" aria-label="Wat u ziet">
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              aria-pressed={view() === "text"}
              onClick={() => setView("text")}
            >
              Tekst
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              aria-pressed={view() === "changes"}
              onClick={() => setView("changes")}
            >
              Wijzigingen sinds vorige versie
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              aria-pressed={view() === "screening"}
              onClick={() => setView("screening")}
            >
              Screening
            </button>
          </div>
          <Switch>
            <Match when={view() === "text"}>
              <PlanReader version={v()} onLinked={() => void refetch()} />
            </Match>
            <Match when={view() === "changes"}>
              <PlanChanges versionId={v().id} />
            </Match>
            <Match when={view() === "screening"}>
              <PlanScreening versionId={v().id} onShowSection={showSection} />
            </Match>
          </Switch>
        </section>
      )}
    </Loaded>
  );
}

function PlanReader(props: { version: PlanVersionDetail; onLinked: () => void }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const sections = () => props.version.text.sections;
  const headed = () => sections().filter((s) => s.level > 0);
  const linksBySection = createMemo(() => {
    const map = new Map<string, PlanVersionDetail["links"]>();
    for (const l of props.version.links) map.set(l.sectionId, [...(map.get(l.sectionId) ?? []), l]);
    return map;
  });
  const base = () => `/tafels/${encodeURIComponent(ws.id())}`;
  const anchor = (s: PlanSection) => `plan-${props.version.id}-${s.id}`;
  // Arriving from a "Bron:" link: the section is rendered only now, so scroll to it ourselves, and
  // move the focus there so a keyboard user continues reading at that section.
  const location = useLocation();
  onMount(() => {
    const target = location.hash.slice(1);
    if (target.startsWith(`plan-${props.version.id}-`)) focusSection(target);
  });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked());
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  return (
    <div class="oogo-plan__reader">
      <nav aria-labelledby="plan-toc" class="oogo-plan__toc">
        <h3 id="plan-toc" class="utrecht-heading-3">
          Inhoud
        </h3>
        <ol class="oogo-plan__toc-list">
          <For each={headed()}>
            {(s) => (
              <li class={`oogo-plan__toc-item oogo-plan__toc-item--${s.level}`}>
                <a class="utrecht-link" href={`#${anchor(s)}`}>
                  {sectionLabel(s)}
                </a>
              </li>
            )}
          </For>
        </ol>
      </nav>
      <div class="oogo-plan__text">
        <p class="utrecht-paragraph oogo-plan__note">
          Dit is de tekst zoals die uit het bestand is gelezen; hij kan niet worden bewerkt. Bij twijfel geldt het
          originele bestand.
        </p>
        <For each={sections()}>
          {(s) => (
            <div class="oogo-plan__section" id={anchor(s)}>
              <Show when={s.level > 0}>
                <SectionHeading section={s} />
              </Show>
              <For each={s.blocks}>{(b) => <Block block={b} />}</For>
              <Show when={linksBySection().get(s.id)}>
                {(links) => (
                  <p class="utrecht-paragraph oogo-plan__used">
                    Gebruikt als basis voor:{" "}
                    <For each={links()}>
                      {(l, i) => (
                        <>
                          {i() > 0 ? ", " : ""}
                          <A
                            class="utrecht-link"
                            href={
                              l.targetType === "spiegelparagraaf"
                                ? `${base()}/spiegelparagraaf`
                                : `${base()}/punten/${encodeURIComponent(l.targetId)}`
                            }
                          >
                            {l.targetTitle}
                          </A>
                        </>
                      )}
                    </For>
                  </p>
                )}
              </Show>
              <Show when={(props.version.canUseAsBasis || props.version.canUseInSpiegelparagraaf) && s.level > 0}>
                <div class="utrecht-form-field utrecht-form-field--checkbox oogo-plan__pick">
                  <input
                    type="checkbox"
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    id={`pick-${anchor(s)}`}
                    checked={picked().has(s.id)}
                    onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                  />
                  <label for={`pick-${anchor(s)}`} class="utrecht-form-label utrecht-form-label--checkbox">
                    Kies {sectionLabel(s)} als basis
                  </label>
                </div>
              </Show>
            </div>
          )}
        </For>
        <Show when={props.version.canUseInSpiegelparagraaf}>
          <UseInSpiegelForm
            versionId={props.version.id}
            picked={headed().filter((s) => picked().has(s.id))}
            onDone={() => {
              setPicked(new Set<string>());
              props.onLinked();
            }}
          />
        </Show>
        <Show when={props.version.canUseAsBasis}>
          <UseAsBasisForm
            versionId={props.version.id}
            picked={headed().filter((s) => picked().has(s.id))}
            onDone={(pointId) => navigate(`${base()}/punten/${encodeURIComponent(pointId)}`)}
          />
        </Show>
      </div>
    </div>
  );
}

/** Scroll a section of the text to the top and put the focus on it. */
function focusSection(anchorId: string): void {
  const el = document.getElementById(anchorId);
  if (!el) return;
  el.setAttribute("tabindex", "-1");
  el.scrollIntoView({ block: "start" });
  el.focus({ preventScroll: true });
}

function SectionHeading(props: { section: PlanSection }): JSX.Element {
  const tag = () => (["h3", "h4", "h5"] as const)[Math.min(3, Math.max(1, props.section.level)) - 1]!;
  return (
    <Dynamic component={tag()} class={`utrecht-heading-${tag().slice(1)}`}>
      {sectionLabel(props.section)}
    </Dynamic>
  );
}

function Block(props: { block: PlanBlock }): JSX.Element {
  const of = <K extends PlanBlock["kind"]>(kind: K) =>
    props.block.kind === kind ? (props.block as Extract<PlanBlock, { kind: K }>) : false;
  return (
    <Switch>
      <Match when={of("paragraph")}>
        {(b) => (
          <p class="utrecht-paragraph">
            <Show when={b().runs} fallback={b().text}>
              {(runs) => (
                <For each={runs()}>
                  {(r) => (
                    <Show
                      when={r.bold}
                      fallback={
                        <Show when={r.italic} fallback={r.text}>
                          {<em>{r.text}</em>}
                        </Show>
                      }
                    >
                      <strong>{r.italic ? <em>{r.text}</em> : r.text}</strong>
                    </Show>
                  )}
                </For>
              )}
            </Show>
          </p>
        )}
      </Match>
      <Match when={of("note")}>{(b) => <p class="utrecht-paragraph oogo-plan__footnote">Noot {b().text}</p>}</Match>
      <Match when={of("list")}>{(b) => <ListBlock items={b().items} ordered={b().ordered} />}</Match>
      <Match when={of("table")}>
        {(b) => (
          <div class="oogo-plan__table-wrap" tabindex="0" role="region" aria-label="Tabel uit het plan">
            <table class="utrecht-table">
              <tbody class="utrecht-table__body">
                <For each={b().rows}>
                  {(row) => (
                    <tr class="utrecht-table__row">
                      <For each={row}>{(cell) => <td class="utrecht-table__cell">{cell}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Match>
    </Switch>
  );
}

/** A flat list with depths as nested lists, so screen readers announce the levels. */
function ListBlock(props: { items: Array<{ text: string; depth: number }>; ordered: boolean }): JSX.Element {
  const tree = createMemo(() => {
    interface Item {
      text: string;
      children: Item[];
    }
    const root: Item[] = [];
    const stack: Array<{ depth: number; list: Item[] }> = [{ depth: -1, list: root }];
    for (const it of props.items) {
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= it.depth) stack.pop();
      const parentList = stack[stack.length - 1]!.list;
      const item: Item = { text: it.text, children: [] };
      parentList.push(item);
      stack.push({ depth: it.depth, list: item.children });
    }
    return root;
  });
  const render = (items: Array<{ text: string; children: unknown[] }>): JSX.Element => {
    const body = (
      <For each={items}>
        {(i) => (
          <li>
            {i.text}
            <Show when={i.children.length > 0}>
              {render(i.children as Array<{ text: string; children: unknown[] }>)}
            </Show>
          </li>
        )}
      </For>
    );
    return props.ordered ? (
      <ol class="utrecht-ordered-list">{body}</ol>
    ) : (
      <ul class="utrecht-unordered-list">{body}</ul>
    );
  };
  return <>{render(tree())}</>;
}

function UseAsBasisForm(props: { versionId: string; picked: PlanSection[]; onDone: (pointId: string) => void }) {
  const ws = useWorkspace();
  const themes = () => (ws.workspace()?.themes ?? []).filter((t) => !t.archived);
  const [theme, setTheme] = createSignal("");
  const [title, setTitle] = createSignal("");
  const use = createAction(async () => {
    if (props.picked.length === 0) throw inputError("Kies hierboven ten minste één paragraaf.", "sectionIds");
    if (!theme()) throw inputError("Kies het thema van het nieuwe punt.", "theme");
    if (title().trim().length < 3) throw inputError("Geef het punt een titel van minstens 3 tekens.", "title");
    const created = await planApi.useAsBasis(props.versionId, {
      sectionIds: props.picked.map((s) => s.id),
      theme: theme(),
      title: title().trim(),
    });
    props.onDone(created.pointId);
    return created;
  });
  return (
    <section aria-labelledby="plan-basis" class="oogo-section oogo-plan__basis">
      <h3 id="plan-basis" class="utrecht-heading-3">
        Gebruik als basis
      </h3>
      <p class="utrecht-paragraph">
        Begin een nieuw overeenstemmingspunt met de tekst van de gekozen paragrafen. Het punt onthoudt uit welke
        paragraaf van deze versie de tekst komt.
      </p>
      <ActionForm action={use} errorTitle="Het punt is niet aangemaakt">
        <p class="utrecht-paragraph" id="plan-basis-picked" role="status">
          {props.picked.length === 0
            ? "Nog geen paragraaf gekozen."
            : `Gekozen: ${props.picked.map(sectionLabel).join("; ")}.`}
        </p>
        <SelectBoxField
          id="plan-basis-theme"
          label="Thema"
          required
          error={fieldError(use.error(), "theme")}
          value={theme()}
          onChange={(e) => setTheme(e.currentTarget.value)}
        >
          <option value="">Kies een thema</option>
          <For each={themes()}>{(t) => <option value={t.key}>{t.label}</option>}</For>
        </SelectBoxField>
        <TextBoxField
          id="plan-basis-title"
          label="Titel van het punt"
          required
          error={fieldError(use.error(), "title")}
          maxlength="200"
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={use.busy()}>
          {use.busy() ? "Bezig…" : "Nieuw punt met deze tekst"}
        </button>
      </ActionForm>
    </section>
  );
}

/** "Gebruik als basis" for the spiegelparagraaf: the chosen sections go at its end, each with a Bron line. */
function UseInSpiegelForm(props: { versionId: string; picked: PlanSection[]; onDone: () => void }) {
  const ws = useWorkspace();
  const add = createAction(
    async () => {
      if (props.picked.length === 0) throw inputError("Kies hierboven ten minste één paragraaf.", "sectionIds");
      const done = await planApi.useInSpiegelparagraaf(props.versionId, { sectionIds: props.picked.map((s) => s.id) });
      props.onDone();
      return done;
    },
    {
      announce: (r) =>
        `${r.sections === 1 ? "De paragraaf staat" : `De ${r.sections} paragrafen staan`} nu achteraan de spiegelparagraaf.`,
    },
  );
  return (
    <section aria-labelledby="plan-spiegel" class="oogo-section oogo-plan__basis">
      <h3 id="plan-spiegel" class="utrecht-heading-3">
        Opnemen in de spiegelparagraaf
      </h3>
      <p class="utrecht-paragraph">
        Zet de tekst van de gekozen paragrafen achteraan de spiegelparagraaf. Onder elke paragraaf komt een regel
        ‘Bron:’ met een link naar deze paragraaf in deze versie van het plan. Wie de spiegelparagraaf open heeft, ziet
        de tekst direct verschijnen.
      </p>
      <ActionForm action={add} errorTitle="De tekst is niet opgenomen">
        <p class="utrecht-paragraph" id="plan-spiegel-picked">
          {props.picked.length === 0
            ? "Kies hierboven de paragrafen die in de spiegelparagraaf komen."
            : `Komt in de spiegelparagraaf: ${props.picked.map(sectionLabel).join("; ")}.`}
        </p>
        <Show when={add.result()}>
          <p class="utrecht-paragraph" role="status">
            Opgenomen.{" "}
            <A class="utrecht-link" href={`/tafels/${encodeURIComponent(ws.id())}/spiegelparagraaf`}>
              Naar de spiegelparagraaf
            </A>
          </p>
        </Show>
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={add.busy()}>
          {add.busy() ? "Bezig…" : "Toevoegen aan de spiegelparagraaf"}
        </button>
      </ActionForm>
    </section>
  );
}
