import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { pointsApi } from "../../api/points.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorAlert, InfoAlert, Loading } from "../../ui/feedback.tsx";
import { useWorkspace } from "../workspace/WorkspaceContext.tsx";
import { createLiveResource } from "../../live/createLiveResource.ts";
import { StatusBadge, StatusGroupIcon } from "./StatusBadge.tsx";
import { kenmerk, pluralPunten } from "./format.ts";
import { formatDateTime } from "../../../shared/domain/dates.ts";
import "./points.css";

/**
 * For wethouders and the SWV bestuurder: the points that await their signature, each one
 * click away from its text and the sign-off panel. Updates live.
 */
export default function ToSignPage() {
  const ws = useWorkspace();
  const [items] = createLiveResource(() => ws.can("point.signoff") && ws.id(), pointsApi.toSign, {
    entities: ["point"],
  });
  const base = () => `/tafels/${encodeURIComponent(ws.id())}`;
  const themeLabel = (key: string) => ws.workspace()?.themes.find((t) => t.key === key)?.label ?? key;
  const partyName = () => ws.workspace()?.party?.name ?? "uw partij";

  return (
    <>
      <PageTitle lead="Punten die op uw handtekening wachten: na ambtelijk akkoord, aan tafel of na afloop van een bestuurlijk overleg dat ermee instemde, of bij een schikking. U ondertekent altijd één precieze versie van de tekst.">
        Te ondertekenen
      </PageTitle>
      <Show
        when={ws.can("point.signoff")}
        fallback={
          <InfoAlert>
            <p class="utrecht-paragraph">
              Alleen bestuurders en wethouders ondertekenen overeenstemmingspunten. Met uw rol is hier niets voor u te
              doen.
            </p>
          </InfoAlert>
        }
      >
        <Show
          when={!items.error || items()}
          fallback={<ErrorAlert error={items.error as unknown} title="De lijst kon niet worden geladen" />}
        >
          <Show when={items()} fallback={<Loading label="Punten laden…" />}>
            {(list) => (
              <>
                <p class="oogo-result-count" role="status">
                  {list().length === 0
                    ? "Er wacht niets op uw ondertekening."
                    : `${pluralPunten(list().length)} ${list().length === 1 ? "wacht" : "wachten"} op uw ondertekening namens ${partyName()}.`}
                </p>
                <Show
                  when={list().length > 0}
                  fallback={
                    <p class="oogo-empty">
                      Alles is bijgewerkt. Zodra een punt ambtelijk akkoord heeft of is geagendeerd, verschijnt het
                      hier.
                    </p>
                  }
                >
                  <ul class="oogo-sign-list">
                    <For each={list()}>
                      {(item) => (
                        <li class={`oogo-sign-card${item.previousSignature ? " oogo-sign-card--stale" : ""}`}>
                          <div style={{ display: "grid", gap: "8px" }}>
                            <h2 class="utrecht-heading-2">
                              <A href={`${base()}/punten/${encodeURIComponent(item.pointId)}`} class="utrecht-link">
                                {item.title}
                              </A>
                            </h2>
                            <p class="oogo-sign-card__meta">
                              <StatusBadge status={item.status} />
                              <span>{themeLabel(item.theme)}</span>
                              <span>
                                Kenmerk <span class="oogo-hash">{kenmerk(item.textHash)}</span>
                              </span>
                            </p>
                            <p class="oogo-sign-card__progress">
                              <span class="oogo-meter" aria-hidden="true">
                                <span
                                  style={{ width: `${(100 * item.partiesSigned) / Math.max(1, item.partiesInScope)}%` }}
                                />
                              </span>
                              {item.partiesSigned} van {item.partiesInScope} partijen hebben ondertekend
                            </p>
                            <Show when={item.previousSignature}>
                              {(prev) => (
                                <p
                                  class="oogo-warning-text"
                                  style={{ margin: "0", display: "flex", gap: "6px", "align-items": "flex-start" }}
                                >
                                  <span class="oogo-tone--geschil">
                                    <StatusGroupIcon group="geschil" />
                                  </span>
                                  <span>
                                    Eerder ondertekend door {prev().signerName} op {formatDateTime(prev().signedAt)}{" "}
                                    (kenmerk <span class="oogo-hash">{kenmerk(prev().textHash)}</span>). Die
                                    ondertekening is <strong>verouderd</strong>: de tekst is daarna gewijzigd.
                                  </span>
                                </p>
                              )}
                            </Show>
                          </div>
                          <A
                            href={`${base()}/punten/${encodeURIComponent(item.pointId)}#ondertekenen`}
                            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                            aria-label={`Tekst lezen en ondertekenen: ${item.title}`}
                          >
                            Tekst lezen en ondertekenen
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </>
  );
}
