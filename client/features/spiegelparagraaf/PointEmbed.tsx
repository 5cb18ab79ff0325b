/**
 * Issue 12, "one source for agreed text": an overeenstemmingspunt inside the spiegelparagraaf.
 * The document holds only the point's id; this node view shows the point as it stands — title,
 * theme, current text, status in words, each party's stance and signature — read-only and live
 * (the tafel's event stream), with a link to the point, where it is edited.
 */
import type { NodeViewRenderer } from "@tiptap/core";
import { createRoot, createSignal, For, Show, type Owner } from "solid-js";
import { insert } from "solid-js/web";
import { STANCE_LABELS } from "../../../shared/domain/stances.ts";
import { blocksOf } from "../../../shared/domain/textDiff.ts";
import { formatDate } from "../../../shared/domain/dates.ts";
import { pointsApi } from "../../api/points.ts";
import { TableHead } from "../../ui/TableHead.tsx";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { StatusBadge } from "../points/StatusBadge.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import "./pointEmbed.css";

/**
 * The node view for `overeenstemmingspunt`. Each block is a Solid root under `owner` (the editor's
 * component), so it sees the workspace context and its live events.
 */
export function pointEmbedNodeView(owner: Owner | null): NodeViewRenderer {
  return ({ node }) => {
    const dom = document.createElement("div");
    dom.className = "oogo-point-embed";
    dom.setAttribute("data-overeenstemmingspunt", "");
    dom.contentEditable = "false";
    const [pointId, setPointId] = createSignal(String(node.attrs.pointId ?? ""));
    const dispose = createRoot((d) => {
      insert(dom, () => <EmbeddedPoint pointId={pointId()} />);
      return d;
    }, owner ?? undefined);
    return {
      dom,
      update: (next) => {
        if (next.type !== node.type) return false;
        setPointId(String(next.attrs.pointId ?? ""));
        return true;
      },
      // The block draws itself; its link is for the browser, not for ProseMirror.
      ignoreMutation: () => true,
      stopEvent: (event) => event.target instanceof Element && !!event.target.closest("a"),
      destroy: dispose,
    };
  };
}

function EmbeddedPoint(props: { pointId: string }) {
  const ws = useWorkspace();
  // Another tafel's point (even one the reader may see elsewhere) or none at all: not found.
  const [point] = createLiveResource(
    () => props.pointId || false,
    (id) =>
      pointsApi
        .get(id)
        .then((p) => (p.workspaceId === ws.id() ? p : null))
        .catch(() => null),
    { entities: [{ entity: "point", id: () => props.pointId }] },
  );
  const [text] = createLiveResource(
    () => {
      const p = point();
      return p ? { id: p.id, hash: p.textHash } : false;
    },
    (k) => pointsApi.textVersion(k.id, k.hash).catch(() => null),
    { entities: [] },
  );
  const theme = (key: string) => ws.workspace()?.themes.find((t) => t.key === key)?.label ?? key;
  const headingId = () => `punt-${props.pointId}`;
  return (
    <Show
      when={point()}
      fallback={
        <p class="utrecht-paragraph oogo-point-embed__missing">
          {point.loading ? "Overeenstemmingspunt laden…" : "Punt niet gevonden"}
        </p>
      }
    >
      {(p) => (
        <section class="oogo-point-embed__card" aria-labelledby={headingId()}>
          <p class="oogo-point-embed__kind">Overeenstemmingspunt · {theme(p().theme)}</p>
          <h3 class="utrecht-heading-4 oogo-point-embed__title" id={headingId()}>
            {p().title}
          </h3>
          <p class="oogo-point-embed__status">
            Status: <StatusBadge status={p().status} />
          </p>
          <div class="oogo-point-embed__text">
            <Show when={text()} fallback={<p class="utrecht-paragraph">Tekst laden…</p>}>
              {(t) => (
                <For each={blocksOf(t().json)}>
                  {(b) =>
                    b.kind === "heading" ? (
                      <p class="utrecht-paragraph">
                        <strong>{b.text}</strong>
                      </p>
                    ) : (
                      <p class="utrecht-paragraph">
                        {b.kind === "listItem" ? "• " : ""}
                        {b.text}
                      </p>
                    )
                  }
                </For>
              )}
            </Show>
          </div>
          <table class="utrecht-table oogo-point-embed__parties">
            <caption class="oogo-visually-hidden">Standpunten en ondertekeningen</caption>
            <TableHead columns={["Partij", "Standpunt", "Ondertekend"]} />
            <tbody class="utrecht-table__body">
              <For each={p().parties}>
                {(party) => (
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                      {party.name}
                    </th>
                    <td class="utrecht-table__cell" data-label="Standpunt">
                      {STANCE_LABELS[party.effectiveStance]}
                    </td>
                    <td class="utrecht-table__cell" data-label="Ondertekend">
                      {party.signoff
                        ? `Ja, door ${party.signoff.signer.name} op ${formatDate(party.signoff.signedAt)}`
                        : "Nog niet"}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p class="utrecht-paragraph oogo-point-embed__link">
            <a class="utrecht-link" href={`/tafels/${ws.id()}/punten/${encodeURIComponent(p().id)}`}>
              Naar het punt<span class="oogo-visually-hidden">: {p().title}</span>
            </a>{" "}
            — de tekst wijzigt u bij het punt zelf.
          </p>
        </section>
      )}
    </Show>
  );
}
