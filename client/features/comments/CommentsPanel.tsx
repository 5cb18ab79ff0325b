/**
 * The comments beside a document (issue 12, ADR 0012): place a comment on the selected passage,
 * for all parties or as an internal note of one's own party, aimed at a person or a party; read
 * the open threads, filtered by party or "aan mij gericht"; reply, resolve, reopen; jump to the
 * passage. A thread whose passage was deleted stays, marked "tekst verwijderd", with its quote.
 */
import type { Editor } from "@tiptap/core";
import { createEffect, createMemo, createResource, createSignal, For, onCleanup, Show, type Accessor } from "solid-js";
import { VISIBILITY_LABELS, type CommentVisibility } from "../../../shared/domain/comments.ts";
import type { CommentThreadView } from "../../../shared/schemas/comments.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { commentsApi } from "../../api/comments.ts";
import { workspaceApi } from "../../api/endpoints.ts";
import { anchorPlaced, revealAnchor, selectionAnchor, showCommentAnchors } from "../../editor/commentHighlights.ts";
import { paragraphAnchor, paragraphsOf, type ParagraphRef } from "../../editor/paragraphAnchors.ts";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { ErrorSummary, Field } from "../../ui/Field.tsx";
import { formText } from "../../ui/formData.ts";
import { fieldError } from "../../ui/inputErrors.ts";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import "./comments.css";

/** "p:<partyId>" or "u:<userId>": whom a comment is aimed at, from one select. */
type Aim = string;
const mentionsOf = (aim: Aim) =>
  aim.startsWith("p:")
    ? { userIds: [], partyIds: [aim.slice(2)] }
    : aim.startsWith("u:")
      ? { userIds: [aim.slice(2)], partyIds: [] }
      : { userIds: [], partyIds: [] };

export function CommentsPanel(props: { documentName: string; editor: Accessor<Editor | undefined> }) {
  const ws = useWorkspace();
  const w = () => ws.workspace();
  const [loaded, { refetch }] = createLiveResource(
    () => ws.id(),
    (id) => commentsApi.list(id, props.documentName).then((r) => r.threads),
    { entities: [{ entity: "comment", id: () => props.documentName }] },
  );
  // A failed resource throws when read: the panel then shows its alert and no threads.
  const threads = () => (loaded.error !== undefined ? undefined : loaded.latest);
  const [members] = createResource(
    () => ws.id(),
    (id) => workspaceApi.members(id).then((m) => m.members),
  );

  // The editor changes under us (typing, remote edits): re-read selection and placement.
  const [tick, setTick] = createSignal(0);
  const [selection, setSelection] = createSignal<ReturnType<typeof selectionAnchor>>(null);
  createEffect(() => {
    const editor = props.editor();
    if (!editor) return;
    const onChange = () => setTick((n) => n + 1);
    const onSelection = () => setSelection(selectionAnchor(editor));
    editor.on("transaction", onChange);
    editor.on("update", onChange);
    editor.on("selectionUpdate", onSelection);
    onCleanup(() => {
      editor.off("transaction", onChange);
      editor.off("update", onChange);
      editor.off("selectionUpdate", onSelection);
    });
  });

  const [active, setActive] = createSignal<string | null>(null);
  const [partyFilter, setPartyFilter] = createSignal("");
  const [onlyMine, setOnlyMine] = createSignal(false);
  const [showResolved, setShowResolved] = createSignal(false);
  const shown = createMemo(() =>
    (threads() ?? []).filter(
      (t) =>
        (showResolved() || t.status === "open") &&
        (!partyFilter() || t.partyId === partyFilter()) &&
        (!onlyMine() || t.aimedAtMe),
    ),
  );
  const openCount = () => (threads() ?? []).filter((t) => t.status === "open").length;

  // Mark the open threads' passages in the text.
  createEffect(() => {
    const editor = props.editor();
    const list = (threads() ?? []).filter((t) => t.status === "open");
    if (editor) showCommentAnchors(editor, list, active());
  });
  const placed = (t: CommentThreadView) => {
    tick();
    const editor = props.editor();
    return editor ? anchorPlaced(editor, t) : true;
  };

  // A read-only text cannot be selected by keyboard: offer its paragraphs instead (issue 12).
  const readOnly = () => {
    tick();
    return props.editor()?.isEditable === false;
  };
  const paragraphs = createMemo(
    () => {
      tick();
      const editor = props.editor();
      return editor && readOnly() ? paragraphsOf(editor) : [];
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((p, i) => p.text === b[i]!.text && p.from === b[i]!.from) },
  );

  const [draft, setDraft] = createSignal<ReturnType<typeof selectionAnchor>>(null);
  const create = createAction(
    (input: { body: string; visibility: CommentVisibility; aim: Aim }) => {
      const d = draft()!;
      return commentsApi.create(ws.id(), {
        document: props.documentName,
        anchor: d.anchor,
        quote: d.quote.slice(0, 1000),
        body: input.body,
        visibility: input.visibility,
        mentions: mentionsOf(input.aim),
      });
    },
    { announce: () => "Opmerking geplaatst." },
  );

  return (
    <section class="oogo-comments" aria-labelledby="oogo-comments-title">
      <h2 class="utrecht-heading-3" id="oogo-comments-title">
        Opmerkingen <span class="oogo-comments__count">({openCount()} open)</span>
      </h2>
      <Show when={ws.can("comment.write")}>
        <Show
          when={draft()}
          fallback={
            <div class="oogo-comments__start">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                disabled={!selection()}
                onClick={() => {
                  create.reset();
                  setDraft(selection());
                }}
              >
                Opmerking bij selectie
              </button>
              <p class="utrecht-paragraph oogo-comments__hint">
                {selection() ? "U reageert op de geselecteerde tekst." : "Selecteer eerst een stuk tekst."}
              </p>
              <Show when={readOnly() && paragraphs().length > 0}>
                <ParagraphPicker
                  paragraphs={paragraphs()}
                  onPick={(index) => {
                    const editor = props.editor();
                    const p = paragraphs()[index];
                    const anchor = editor && p ? paragraphAnchor(editor, p.from) : null;
                    if (!anchor) return;
                    create.reset();
                    setDraft(anchor);
                  }}
                />
              </Show>
            </div>
          }
        >
          {(d) => (
            <form
              class="oogo-comments__form"
              // Whoever chose a passage or a paragraph types next: the button they used is gone.
              ref={(form) => queueMicrotask(() => form.querySelector("textarea")?.focus())}
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const data = new FormData(form);
                void create
                  .run({
                    body: formText(data, "body"),
                    visibility: formText(data, "visibility") === "partij" ? "partij" : "alle",
                    aim: formText(data, "aim"),
                  })
                  .then((created) => {
                    if (!created) return;
                    setDraft(null);
                    setActive(created.id);
                    void refetch();
                  });
              }}
            >
              <ErrorSummary error={create.error()} title="Opmerking plaatsen mislukt" />
              <blockquote class="oogo-comments__quote">{d().quote}</blockquote>
              <Field id="comment-body" label="Uw opmerking" required error={fieldError(create.error(), "body")}>
                {(control) => (
                  <textarea
                    {...control}
                    name="body"
                    rows="4"
                    class="utrecht-textarea utrecht-textarea--html-textarea"
                  />
                )}
              </Field>
              <Show when={w()?.party}>
                <fieldset class="utrecht-form-fieldset oogo-comments__visibility">
                  <legend class="utrecht-form-fieldset__legend">Wie ziet dit?</legend>
                  <For each={["alle", "partij"] as const}>
                    {(v) => (
                      <label class="oogo-comments__choice">
                        <input
                          type="radio"
                          name="visibility"
                          value={v}
                          checked={v === "alle"}
                          class="utrecht-radio-button utrecht-radio-button--html-input"
                        />{" "}
                        {v === "partij" ? `Alleen ${w()!.party!.name} (interne notitie)` : VISIBILITY_LABELS[v]}
                      </label>
                    )}
                  </For>
                </fieldset>
              </Show>
              <Field
                id="comment-aim"
                label="Richten aan (optioneel)"
                hint="Bij een interne notitie alleen mensen van uw eigen partij."
                error={
                  fieldError(create.error(), "mentions.userIds") ?? fieldError(create.error(), "mentions.partyIds")
                }
              >
                {(control) => (
                  <select {...control} name="aim" class="utrecht-select utrecht-select--html-select">
                    <option value="">Niemand in het bijzonder</option>
                    <optgroup label="Partij">
                      <For each={w()?.parties ?? []}>{(p) => <option value={`p:${p.id}`}>{p.name}</option>}</For>
                    </optgroup>
                    <optgroup label="Persoon">
                      <For each={members() ?? []}>
                        {(m) => (
                          <option value={`u:${m.userId}`}>
                            {m.name}
                            {m.party ? ` (${m.party.name})` : ""}
                          </option>
                        )}
                      </For>
                    </optgroup>
                  </select>
                )}
              </Field>
              <div class="oogo-comments__actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={create.busy()}>
                  {create.busy() ? "Bezig…" : "Opmerking plaatsen"}
                </button>
                <button
                  type="button"
                  class="utrecht-button utrecht-button--subtle"
                  onClick={() => {
                    create.reset();
                    setDraft(null);
                  }}
                >
                  Annuleren
                </button>
              </div>
            </form>
          )}
        </Show>
      </Show>

      <div class="oogo-comments__filters" role="group" aria-label="Opmerkingen filteren">
        <Field id="comment-filter-party" label="Partij">
          {(control) => (
            <select
              {...control}
              class="utrecht-select utrecht-select--html-select"
              value={partyFilter()}
              onChange={(e) => setPartyFilter(e.currentTarget.value)}
            >
              <option value="">Alle partijen</option>
              <For each={w()?.parties ?? []}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </select>
          )}
        </Field>
        <label class="oogo-comments__choice">
          <input
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            checked={onlyMine()}
            onChange={(e) => setOnlyMine(e.currentTarget.checked)}
          />{" "}
          Alleen aan mij of mijn partij gericht
        </label>
        <label class="oogo-comments__choice">
          <input
            type="checkbox"
            class="utrecht-checkbox utrecht-checkbox--html-input"
            checked={showResolved()}
            onChange={(e) => setShowResolved(e.currentTarget.checked)}
          />{" "}
          Ook opgeloste opmerkingen
        </label>
      </div>

      <Show when={loaded.error !== undefined}>
        <ErrorAlert error={loaded.error as unknown} title="Opmerkingen konden niet worden geladen" />
      </Show>
      <Show
        when={shown().length}
        fallback={<p class="utrecht-paragraph oogo-comments__empty">Geen opmerkingen die aan dit filter voldoen.</p>}
      >
        <ol class="oogo-comments__list">
          <For each={shown()}>
            {(t) => (
              <Thread
                thread={t}
                placed={placed(t)}
                active={active() === t.id}
                onReveal={() => {
                  setActive(t.id);
                  const editor = props.editor();
                  if (editor) revealAnchor(editor, t.anchor);
                }}
                onChanged={() => void refetch()}
              />
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** Choose a paragraph and comment on all of it: the keyboard way into a text one cannot select. */
function ParagraphPicker(props: { paragraphs: ParagraphRef[]; onPick: (index: number) => void }) {
  const [index, setIndex] = createSignal(0);
  const at = () => Math.min(index(), props.paragraphs.length - 1);
  // Options stay short enough for a phone's select; the chosen paragraph's opening is shown below it.
  const snippet = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);
  return (
    <div class="oogo-comments__paragraph">
      <Field id="comment-paragraph" label="Of kies een alinea" hint="Uw opmerking gaat dan over de hele alinea.">
        {(control) => (
          <select
            {...control}
            class="utrecht-select utrecht-select--html-select"
            value={String(at())}
            onChange={(e) => setIndex(Number(e.currentTarget.value))}
          >
            <For each={props.paragraphs}>
              {(p, i) => (
                <option value={String(i())}>
                  {i() + 1}. {snippet(p.text, 24)}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <p class="utrecht-paragraph oogo-comments__hint">
        <q>{snippet(props.paragraphs[at()]?.text ?? "", 160)}</q>
      </p>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => props.onPick(at())}>
        Reageer op deze alinea
      </button>
    </div>
  );
}

function Thread(props: {
  thread: CommentThreadView;
  placed: boolean;
  active: boolean;
  onReveal: () => void;
  onChanged: () => void;
}) {
  const ws = useWorkspace();
  const t = () => props.thread;
  const reply = createAction((body: string) => commentsApi.reply(t().id, { body }), {
    announce: () => "Reactie geplaatst.",
  });
  const toggle = createAction(
    () => (t().status === "open" ? commentsApi.resolve(t().id) : commentsApi.reopen(t().id)),
    {
      announce: (r) => (r.status === "opgelost" ? "Opmerking opgelost." : "Opmerking heropend."),
    },
  );
  const party = () => ws.workspace()?.parties.find((p) => p.id === t().partyId);
  const replyId = () => `reply-${t().id}`;
  return (
    <li
      class="oogo-comments__thread"
      classList={{
        "oogo-comments__thread--active": props.active,
        "oogo-comments__thread--resolved": t().status === "opgelost",
      }}
      style={{ "--oogo-party-colour": party()?.color ?? "#5c5c5c" }}
    >
      <article aria-label={`Opmerking van ${t().messages[0]?.authorName ?? "onbekend"}`}>
        <p class="oogo-comments__meta">
          <span class="oogo-comments__party">{t().partyName ?? "Tafel"}</span>
          <Show when={t().visibility === "partij"}>
            <span class="oogo-comments__badge">Interne notitie</span>
          </Show>
          <Show when={t().aimedAtMe}>
            <span class="oogo-comments__badge">Aan u gericht</span>
          </Show>
          <Show when={t().status === "opgelost"}>
            <span class="oogo-comments__badge">Opgelost{t().resolvedByName ? ` door ${t().resolvedByName}` : ""}</span>
          </Show>
        </p>
        <Show
          when={props.placed}
          fallback={
            <p class="oogo-comments__deleted">
              <strong>Tekst verwijderd.</strong> De opmerking ging over: <q>{t().quote}</q>
            </p>
          }
        >
          <button type="button" class="oogo-comments__quote-button" onClick={() => props.onReveal()}>
            <span class="oogo-visually-hidden">Toon in de tekst: </span>
            <q>{t().quote}</q>
          </button>
        </Show>
        <ol class="oogo-comments__messages">
          <For each={t().messages}>
            {(m) => (
              <li>
                <p class="oogo-comments__author">
                  <strong>{m.authorName}</strong>
                  {m.authorPartyName ? `, ${m.authorPartyName}` : ""} ·{" "}
                  <time datetime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                </p>
                <p class="utrecht-paragraph oogo-comments__body">{m.body}</p>
              </li>
            )}
          </For>
        </ol>
        <Show when={ws.can("comment.write")}>
          <form
            class="oogo-comments__reply"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const changed = props.onChanged;
              void reply.run(formText(new FormData(form), "body")).then((r) => {
                if (!r) return;
                form.reset();
                changed();
              });
            }}
          >
            <Show when={reply.error()}>
              <ErrorAlert error={reply.error()} title="Reageren mislukt" />
            </Show>
            <label class="utrecht-form-label" for={replyId()}>
              Reageren
            </label>
            <textarea id={replyId()} name="body" rows="2" class="utrecht-textarea utrecht-textarea--html-textarea" />
            <div class="oogo-comments__actions">
              <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={reply.busy()}>
                {reply.busy() ? "Bezig…" : "Reageren"}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                disabled={toggle.busy()}
                onClick={() => {
                  const changed = props.onChanged;
                  void toggle.run().then((r) => r && changed());
                }}
              >
                {t().status === "open" ? "Oplossen" : "Heropenen"}
              </button>
            </div>
            <Show when={toggle.error()}>
              <ErrorAlert error={toggle.error()} />
            </Show>
          </form>
        </Show>
      </article>
    </li>
  );
}
