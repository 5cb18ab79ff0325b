/**
 * Suggestions beside a text (issue 12, ADR 0016): the "Bewerken / Voorstellen" switch, the open
 * suggestions with who proposed them for which party, "Aanvaarden" / "Verwerpen" per suggestion
 * and for all, what was decided before, and — for who manages members — who may only suggest.
 * Accepting and rejecting are ordinary edits; the sync server sees them and logs who decided.
 */
import type { Editor } from "@tiptap/core";
import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
} from "@handlewithcare/prosemirror-suggest-changes";
import { createEffect, createResource, createSignal, For, onCleanup, Show, type Accessor } from "solid-js";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import { can } from "../../../shared/domain/roles.ts";
import {
  clockOffset,
  listSuggestions,
  quoteOf,
  sameAuthor,
  type OpenSuggestion,
} from "../../../shared/editor/suggestions.ts";
import { workspaceApi } from "../../api/endpoints.ts";
import { suggestionsApi } from "../../api/suggestions.ts";
import { createAction } from "../../ui/createAction.ts";
import { ErrorAlert } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import "./suggestions.css";

const KIND_LABEL: Record<OpenSuggestion["kind"], string> = {
  insertion: "toevoegen",
  deletion: "schrappen",
  modification: "opmaak wijzigen",
};
const OUTCOME_LABEL = { accepted: "aanvaard", rejected: "verworpen", withdrawn: "ingetrokken" } as const;

const who = (name: string | null | undefined, party: string | null | undefined) =>
  `${name ?? "Onbekend"}${party ? ` (${party})` : ""}`;

export function SuggestionsPanel(props: {
  documentName: string;
  editor: Accessor<Editor | undefined>;
  readOnly: boolean;
  /** True while the socket's rights are being decided again (e.g. "alleen voorstellen" was changed). */
  reauthorizing: Accessor<boolean>;
  /** The toolbar's "Bewerken / Voorstellen" switch. */
  suggesting: Accessor<boolean>;
  /** Tells the toolbar whether this member may only suggest here. */
  onSuggestOnly: (value: boolean) => void;
}) {
  const ws = useWorkspace();
  const source = () => ({ id: ws.id(), document: props.documentName });
  // The answer carries the server's time: how far this device's clock is off, to date suggestions by.
  const [offset, setOffset] = createSignal(0);
  const [setting, { mutate, refetch: refetchSetting }] = createResource(source, async (s) => {
    const sentAt = Date.now();
    const answer = await suggestionsApi.suggestOnly(s.id, s.document);
    setOffset(clockOffset(answer.serverTime, sentAt, Date.now()));
    return answer;
  });
  /** The setting, or undefined while loading or when it could not be read (the server still enforces it). */
  const view = () => (setting.loading || setting.error ? undefined : setting());
  // The server closes our socket when our rights change; ask again what we may do here.
  let wasReauthorizing = false;
  createEffect(() => {
    const now = props.reauthorizing();
    if (wasReauthorizing && !now) void refetchSetting();
    wasReauthorizing = now;
  });
  const [decided, { refetch: refetchDecided }] = createResource(source, (s) =>
    suggestionsApi.decisions(s.id, s.document).then((r) => r.decisions),
  );
  const [open, setOpen] = createSignal<OpenSuggestion[]>([]);
  const suggesting = () => props.suggesting();
  const [blocked, setBlocked] = createSignal(false);

  // Keep the editor's mode in step with the switch and with what the server said about us.
  createEffect(() => {
    const editor = props.editor();
    if (!editor) return;
    const s = view();
    const storage = editor.storage.suggestMode;
    // Unreadable: let the member type; a refused edit shows as a closed connection, not silence.
    storage.awaiting = !s && !setting.error;
    if (!s) return;
    storage.author = s.author;
    storage.clockOffset = offset();
    storage.suggestOnly = s.mine;
    storage.enabled = s.mine || suggesting();
    props.onSuggestOnly(s.mine);
    storage.onBlocked = () => setBlocked(true);
  });

  createEffect(() => {
    const editor = props.editor();
    if (!editor) return;
    let count = -1;
    const read = () => {
      const list = listSuggestions(editor.getJSON());
      setOpen(list);
      // A suggestion gone is a decision the server logs: read the list of decisions again.
      if (count !== -1 && list.length < count) void refetchDecided();
      count = list.length;
    };
    read();
    editor.on("update", read);
    onCleanup(() => editor.off("update", read));
  });

  const mine = (s: OpenSuggestion) => {
    const me = view()?.author;
    return !!me && !!s.author && sameAuthor(s.author, me);
  };
  const canDecide = () => !props.readOnly && !view()?.mine;
  const run = (command: (e: Editor) => void) => {
    const editor = props.editor();
    if (editor) command(editor);
  };
  const accept = (id: string) => run((e) => applySuggestion(id)(e.state, e.view.dispatch));
  const reject = (id: string) => run((e) => revertSuggestion(id)(e.state, e.view.dispatch));
  const show = (s: OpenSuggestion) =>
    run((e) => {
      const el = e.view.dom.querySelector(`[data-suggestion="${CSS.escape(s.id)}"]`);
      el?.scrollIntoView({ block: "center" });
    });

  return (
    <section class="oogo-suggestions" aria-labelledby="oogo-suggestions-title">
      <h2 class="utrecht-heading-2" id="oogo-suggestions-title">
        Voorstellen
      </h2>
      <Show when={!props.readOnly && view()}>
        {(s) => (
          <>
            <p class="utrecht-paragraph oogo-suggestions__state" role="status">
              {s().mine
                ? "U mag in deze tekst alleen voorstellen doen. Uw wijzigingen worden voorstellen op uw naam."
                : suggesting()
                  ? `Voorstellen staat aan: wat u typt of schrapt wordt een voorstel van ${who(s().author.name, s().author.partyName)}.`
                  : "Bewerken: uw wijzigingen komen direct in de tekst."}
            </p>
            <Show when={blocked()}>
              <div class="utrecht-alert utrecht-alert--warning" role="alert">
                <div class="utrecht-alert__content">
                  <p class="utrecht-paragraph">
                    Deze wijziging kan niet als voorstel: u mag alleen tekst voorstellen toe te voegen of te schrappen,
                    en niet aan voorstellen van anderen komen.
                  </p>
                  <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setBlocked(false)}>
                    Sluiten
                  </button>
                </div>
              </div>
            </Show>
          </>
        )}
      </Show>

      <Show when={open().length > 0} fallback={<p class="utrecht-paragraph">Er staan geen voorstellen open.</p>}>
        <p class="utrecht-paragraph">
          {open().length === 1 ? "1 voorstel staat open." : `${open().length} voorstellen staan open.`}
        </p>
        <Show when={canDecide()}>
          <div class="oogo-suggestions__all">
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              onClick={() => run((e) => applySuggestions(e.state, e.view.dispatch))}
            >
              Alles aanvaarden
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              onClick={() => run((e) => revertSuggestions(e.state, e.view.dispatch))}
            >
              Alles verwerpen
            </button>
          </div>
        </Show>
        <ul class="oogo-suggestions__list">
          <For each={open()}>
            {(s) => (
              <li
                class="oogo-suggestions__item"
                style={{ "--oogo-suggestion-color": s.author?.color ?? "#3d3d3d" }}
                data-testid="open-suggestion"
              >
                <p class="utrecht-paragraph oogo-suggestions__who">
                  <span class="oogo-suggestions__swatch" aria-hidden="true" />
                  <strong>{who(s.author?.name, s.author?.partyName)}</strong> stelt voor te {KIND_LABEL[s.kind]}
                  <Show when={s.author}>{(a) => <> · {formatDateTime(new Date(a().at).toISOString())}</>}</Show>
                </p>
                <p class="utrecht-paragraph oogo-suggestions__quote">
                  {s.kind === "deletion" ? <del>{quoteOf(s.text, 140)}</del> : <ins>{quoteOf(s.text, 140)}</ins>}
                </p>
                <div class="oogo-suggestions__actions">
                  <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => show(s)}>
                    Tonen<span class="oogo-visually-hidden"> in de tekst</span>
                  </button>
                  <Show when={canDecide()}>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      onClick={() => accept(s.id)}
                    >
                      Aanvaarden<span class="oogo-visually-hidden">: {quoteOf(s.text, 40)}</span>
                    </button>
                  </Show>
                  <Show when={canDecide() || (!props.readOnly && mine(s))}>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      onClick={() => reject(s.id)}
                    >
                      {canDecide() ? "Verwerpen" : "Intrekken"}
                      <span class="oogo-visually-hidden">: {quoteOf(s.text, 40)}</span>
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={(decided() ?? []).length > 0}>
        <details class="oogo-suggestions__decided">
          <summary>Besloten voorstellen ({decided()!.length})</summary>
          <ul class="oogo-suggestions__list">
            <For each={[...decided()!].reverse()}>
              {(d) => (
                <li class="utrecht-paragraph">
                  “{d.quote}” ({d.kind === "deletion" ? "schrappen" : "toevoegen"}) van{" "}
                  {who(d.authorName, d.authorPartyName)}: <strong>{OUTCOME_LABEL[d.outcome]}</strong> door{" "}
                  {who(d.deciderName, d.deciderPartyName)}, {formatDateTime(d.at)}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>

      <Show when={view()?.canManage}>
        <SuggestOnlyManager documentName={props.documentName} onChange={(v) => mutate(v)} />
      </Show>
    </section>
  );
}

/** Who manages members sets "alleen voorstellen" for a member on this document. */
function SuggestOnlyManager(props: {
  documentName: string;
  onChange: (view: Awaited<ReturnType<typeof suggestionsApi.suggestOnly>>) => void;
}) {
  const ws = useWorkspace();
  const [members] = createResource(
    () => ws.id(),
    (id) => workspaceApi.members(id).then((r) => r.members),
  );
  const [restricted, { mutate }] = createResource(
    () => ({ id: ws.id(), document: props.documentName }),
    (s) => suggestionsApi.suggestOnly(s.id, s.document).then((v) => v.members),
  );
  const save = createAction(async (userId: string, suggestOnly: boolean) => {
    const view = await suggestionsApi.setSuggestOnly(ws.id(), { document: props.documentName, userId, suggestOnly });
    mutate(view.members);
    props.onChange(view);
  });
  const isRestricted = (userId: string) => (restricted() ?? []).some((m) => m.userId === userId);
  return (
    <details class="oogo-suggestions__manage">
      <summary>Wie mag hier alleen voorstellen?</summary>
      <p class="utrecht-paragraph">
        Wie hier alleen mag voorstellen, kan de tekst niet zelf wijzigen; de server controleert dat.
      </p>
      <Show when={save.error()}>{(e) => <ErrorAlert error={e()} />}</Show>
      <ul class="oogo-suggestions__list">
        <For each={(members() ?? []).filter((m) => can(m.role, "text.edit"))}>
          {(m) => (
            <li>
              <label class="utrecht-form-label oogo-suggestions__check">
                <input
                  type="checkbox"
                  class="utrecht-checkbox"
                  checked={isRestricted(m.userId)}
                  disabled={save.busy()}
                  onChange={(e) => void save.run(m.userId, e.currentTarget.checked)}
                />{" "}
                {who(m.name, m.party?.name)}
              </label>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
