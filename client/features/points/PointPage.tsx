import { A, useLocation, useParams } from "@solidjs/router";
import { createEffect, For, on, onCleanup, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { CollaborativeEditor, type SaveState } from "../../editor/CollaborativeEditor.tsx";
import type { PointDetail } from "../../../shared/schemas/points.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorAlert, Loading } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { ownStaleSignoff, SignoffOverview, SignoffPanel, staleByText, VerouderdAlert } from "./SignoffPanel.tsx";
import { StancePanel } from "./StancePanel.tsx";
import { StatusActions } from "./StatusActions.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { Timeline } from "./Timeline.tsx";
import { KenmerkDetails, textVersionLine } from "./TextVersion.tsx";
import { ReopenPanel } from "./ReopenPanel.tsx";
import { termLabel } from "./format.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import "./points.css";

/** How often a page that shows signatures re-reads the point (see `watchesText`). */
const TEXT_RECHECK_MS = 4000;

/**
 * One overeenstemmingspunt: its text (co-edited live), where every party stands, the status
 * steps the member may take, the sign-off panel for bestuurders and the logged history.
 * Everything refreshes live when anyone at the tafel changes the point.
 */
export default function PointPage() {
  const ws = useWorkspace();
  const params = useParams<{ id: string; pointId: string }>();
  const location = useLocation();
  const thisPoint = { entities: [{ entity: "point", id: () => params.pointId }] };
  const [point, { refetch: refetchPoint }] = createLiveResource(() => params.pointId, pointsApi.get, thisPoint);
  const [history, { refetch: refetchHistory }] = createLiveResource(() => params.pointId, pointsApi.history, thisPoint);
  const board = () => `/tafels/${encodeURIComponent(ws.id())}/overeenstemming`;

  /** After our own change (or a 409: someone else was first), reload the point and its history. */
  const changed = (_next: PointDetail | null) => {
    void refetchPoint();
    void refetchHistory();
  };

  // Typing that voids nothing is not announced on the live stream; after our own save, reload
  // the point so the version and kenmerk a bestuurder sees stay those of the stored text.
  // Only a later unsaved → saved counts (an edit stored); the first sync after connecting does not.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSaveState: SaveState | undefined;
  let synced = false;
  const onSaveState = (s: SaveState) => {
    const editStored = synced && lastSaveState === "unsaved" && s === "saved";
    if (s === "saved") synced = true;
    lastSaveState = s;
    if (!editStored) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void refetchPoint(), 600);
  };
  onCleanup(() => clearTimeout(saveTimer));

  // Typing that voids nothing more is not announced on the live stream (the first edit after a
  // signature is; the rest of the sentence is not). Where a page shows what was signed or what
  // changed since, it re-reads the point every few seconds so the kenmerk and the diff stay those
  // of the stored text. Only while visible; the live stream remains the main path.
  const watchesText = () => {
    const p = point();
    return !!p && (ws.can("point.signoff") || p.signoffs.some((s) => s.verouderd));
  };
  const timer = setInterval(() => {
    if (watchesText() && document.visibilityState === "visible") void refetchPoint();
  }, TEXT_RECHECK_MS);
  onCleanup(() => clearInterval(timer));

  // Coming from "Te ondertekenen" (#ondertekenen): bring the sign-off panel into view once loaded.
  createEffect(
    on(
      () => !!point(),
      (loaded) => {
        if (loaded && location.hash === "#ondertekenen") {
          queueMicrotask(() => {
            const el = document.getElementById("ondertekenen");
            el?.scrollIntoView({ block: "start" });
            el?.focus({ preventScroll: true });
          });
        }
      },
    ),
  );

  const themeLabel = (key: string) => ws.workspace()?.themes.find((t) => t.key === key)?.label ?? key;
  const myParty = () => ws.workspace()?.party ?? null;
  const signer = () => ws.can("point.signoff") && myParty() !== null;
  /** A signer's own void signature (shown first, addressed to them), and everyone else's grouped per signed text. */
  const ownStale = () => (signer() && point() ? ownStaleSignoff(point()!, myParty()!.id) : null);
  const otherStale = () => (point() ? staleByText(point()!, signer() ? (myParty()?.id ?? null) : null) : []);

  return (
    <>
      <A href={board()} class="oogo-back">
        <span aria-hidden="true">←</span> Terug naar Overeenstemming
      </A>
      <Show
        when={!point.error || point()}
        fallback={
          <>
            <PageTitle>Punt niet gevonden</PageTitle>
            <ErrorAlert error={point.error as unknown} title="Dit punt kon niet worden geopend" />
          </>
        }
      >
        <Show when={point()} fallback={<Loading label="Punt laden…" />}>
          {(p) => (
            <>
              <PageTitle>{p().title}</PageTitle>
              <dl class="oogo-point-facts">
                <div>
                  <dt>Status</dt>
                  <dd>
                    <StatusBadge status={p().status} />
                  </dd>
                </div>
                <div>
                  <dt>Thema</dt>
                  <dd>{themeLabel(p().theme)}</dd>
                </div>
                <div class="oogo-point-facts__wide">
                  <dt>Geldt voor</dt>
                  <dd>
                    {p().scope.all ? "Alle gemeenten: " : ""}
                    {p()
                      .parties.filter((x) => x.kind === "gemeente")
                      .map((x) => x.name)
                      .join(", ")}
                    <span class="oogo-point-facts__sub">
                      en{" "}
                      {p()
                        .parties.filter((x) => x.kind === "swv")
                        .map((x) => x.name)
                        .join(", ")}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Looptijd</dt>
                  <dd>{termLabel(p().termMonths)}</dd>
                </div>
                <div class="oogo-point-facts__wide">
                  <dt>Tekst</dt>
                  <dd>
                    {textVersionLine(p())}{" "}
                    <span style={{ "font-weight": "400", color: "var(--oogo-muted)" }}>
                      · bijgewerkt {formatDateTime(p().updatedAt)}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Kenmerk huidige tekst</dt>
                  <dd>
                    <KenmerkDetails hash={p().textHash} />
                  </dd>
                </div>
              </dl>

              {/* Everyone sees loudly that a signature went void; a signer's own comes first, addressed to them. */}
              <Show when={ownStale()}>
                {(own) => (
                  <VerouderdAlert
                    point={p()}
                    signoffs={[own()]}
                    history={history() ?? []}
                    own
                    alsoVoid={otherStale().find((g) => g[0]!.textHash === own().textHash) ?? []}
                  />
                )}
              </Show>
              <For each={otherStale().filter((g) => g[0]!.textHash !== ownStale()?.textHash)}>
                {(group) => <VerouderdAlert point={p()} signoffs={group} history={history() ?? []} />}
              </For>

              {/* DOM order text → actions → stances and timeline: the focus order a phone shows too. */}
              <div class="oogo-point-layout">
                <section class="oogo-point-layout__text" aria-labelledby="text-heading">
                  <h2 class="utrecht-heading-2" id="text-heading">
                    Tekst
                  </h2>
                  <div class="oogo-text-frame">
                    <CollaborativeEditor
                      documentName={p().documentName}
                      label={`Tekst van het punt “${p().title}”`}
                      comments
                      readOnly={!p().abilities.editText.ok}
                      readOnlyReason={p().abilities.editText.reason ?? "U kunt deze tekst lezen maar niet bewerken."}
                      onSaveStateChange={onSaveState}
                      suggestions
                    />
                  </div>
                </section>
                <div class="oogo-point-layout__side">
                  <Show when={signer()}>
                    <SignoffPanel
                      point={p()}
                      history={history() ?? []}
                      partyId={myParty()!.id}
                      partyName={myParty()!.name}
                      onChanged={changed}
                    />
                  </Show>
                  <Show when={ws.workspace()}>
                    {(w) => <StatusActions point={p()} workspace={w()} onChanged={changed} />}
                  </Show>
                  <ReopenPanel point={p()} onChanged={changed} />
                  <SignoffOverview point={p()} />
                </div>
                <div class="oogo-point-layout__rest">
                  <StancePanel
                    point={p()}
                    myPartyId={myParty()?.id ?? null}
                    canRecord={ws.can("stance.record")}
                    onChanged={changed}
                  />
                  <Show when={history()} fallback={<Loading label="Tijdlijn laden…" />}>
                    {(h) => <Timeline events={h()} />}
                  </Show>
                </div>
              </div>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}
